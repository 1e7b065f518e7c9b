import { z } from './zod';

/**
 * The longest value accepted in each free-text request field, in characters. The GenAuth documentation
 * states no lengths: each limit comes from the standard that defines the value, or is stated here with room
 * to spare over everything the API issues. The request schemas carry them, so the client, the mock and the
 * suites share one number; a longer value is answered with the catalog's `fieldTooLong`.
 */
export const FIELD_LIMITS = {
  /** RFC 5321 §4.5.3.1.3 caps a path at 256 octets with its angle brackets (RFC 3696 errata 1690: 254). */
  email: 254,
  /** ITU-T E.164 numbers have at most 15 digits; twice that leaves room for spaces, dashes and a `+`. */
  phoneNumber: 32,
  /** E.164 country codes have 1 to 3 digits; room for `+` and an area qualifier such as `+1-684`. */
  phoneCountryCode: 8,
  /** SMS and EMAIL codes have 4 to 12 digits, TOTP codes 6: stated, with room for surrounding whitespace. */
  passCode: 32,
  /** Issued enrollment tokens have 172 characters: stated, several times that. */
  enrollmentToken: 1024,
  /** RFC 9110 §4.1 asks every HTTP party to handle URIs of at least 8000 octets; upload keys are shorter. */
  photo: 8000,
  /** `<24 hex digits>|email` has 30 characters: stated, with room for URL encoding. */
  factorId: 256,
  /** Sign-in names (account, email, phone, username) and passwords: stated. */
  signinName: 254,
  password: 128,
  /** User pool names, the issuer of TOTP URIs: stated. */
  userPoolName: 64,
  /** User and application ids are 24 hex digits: stated, with room for other id formats. */
  objectId: 64,
} as const;

export type LimitedField = keyof typeof FIELD_LIMITS;

/** A string of at most the limit of `field`, with a message naming the limit. */
export function limitedString(field: LimitedField) {
  const limit = FIELD_LIMITS[field];
  return z.string().max(limit, { error: `must be at most ${limit} characters` });
}

/**
 * The largest payload of a QR code at error correction level M (version 40, byte mode, ISO/IEC 18004
 * table 7). An `otpauth` URI longer than this cannot be shown as a QR code.
 */
export const QR_CODE_MAX_BYTES = 2331;
