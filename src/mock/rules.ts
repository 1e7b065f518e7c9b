import type { PendingEnrollment } from './state';

/**
 * The simulator's rules wherever a provider could get enrollment wrong, as the correct behaviour: what the
 * documentation says or the error catalog decides. The core of the mock reads them and nothing else; a
 * provider defect (`defects.ts`) replaces exactly one of them.
 */
export interface Rules {
  /** Whether an enrollment token `ageMs` old is past its TTL. */
  readonly tokenExpired: (ageMs: number, ttlMs: number) => boolean;
  /** The pending enrollment a presented enrollment token stands for. */
  readonly findPending: (
    pending: ReadonlyMap<string, PendingEnrollment>,
    token: string,
  ) => PendingEnrollment | undefined;
  /** Only the user a token was issued to can enroll with it. */
  readonly tokenOwnerChecked: boolean;
  /** A token enrolls only the factorType it was issued for. */
  readonly tokenFactorTypeChecked: boolean;
  /** A successful enroll-factor consumes its token. */
  readonly consumesToken: boolean;
  /** Milliseconds between the checks and the token being consumed: 0, so two concurrent enrolls cannot both pass. */
  readonly consumeDelayMs: number;

  /** Whether an SMS or EMAIL passCode proves the enrollment, given the user's other pending codes. */
  readonly passCodeMatches: (given: string, expected: string, othersOfUser: readonly string[]) => boolean;
  /** An empty or whitespace-only passCode is refused as missing. */
  readonly blankPassCodeRefused: boolean;
  /** TOTP steps accepted either side of the current one. */
  readonly totpWindow: number;
  /** FACE needs a photo. */
  readonly facePhotoRequired: boolean;
  /** `isExternalPhoto` must be a boolean: `"false"` is refused, not taken as a flag. */
  readonly externalPhotoFlagTypeChecked: boolean;

  /** A successful enroll-factor binds the factor. */
  readonly bindsFactor: boolean;
  /** A factor type already bound cannot be requested or bound again. */
  readonly duplicateBindingRefused: boolean;
  /** list-factors-to-enroll leaves out the types already bound. */
  readonly boundTypesLeftOutOfToEnroll: boolean;
  /** get-factor finds the user's bound factors. */
  readonly getFactorFindsBound: boolean;
  /** reset-factor unbinds the factor. */
  readonly resetUnbinds: boolean;

  /** One send per phone number or email per resend window. */
  readonly resendWindowEnforced: boolean;
  /** An OTP enrollment request answers otpData (the QR code and the recovery code). */
  readonly otpDataSent: boolean;
  /** The TOTP secret as the `qrCodeUri` shows it. */
  readonly advertisedSecret: (secret: string) => string;
  /** The recovery code as the answer shows it. */
  readonly advertisedRecoveryCode: (code: string) => string;

  /** A request without a valid access token is refused (not served as some user). */
  readonly accessTokenRequired: boolean;
  /** The access token is accepted bare as well as after `Bearer `. */
  readonly bareTokenAccepted: boolean;

  /** `statusCode` is sent as a number. */
  readonly statusCodeIsNumber: boolean;
  /** Failure envelopes carry the catalog's apiCode. */
  readonly errorsCarryApiCode: boolean;
  /** Malformed JSON gets the catalog's envelope, not a crash. */
  readonly malformedJsonAnswered: boolean;
  /** Wrongly typed fields get the catalog's envelope, not a crash. */
  readonly wrongTypesAnswered: boolean;
}

/** The correct behaviour: the mock as a faithful GenAuth. */
export const FAITHFUL_RULES: Rules = {
  tokenExpired: (ageMs, ttlMs) => ageMs >= ttlMs,
  findPending: (pending, token) => pending.get(token),
  tokenOwnerChecked: true,
  tokenFactorTypeChecked: true,
  consumesToken: true,
  consumeDelayMs: 0,

  passCodeMatches: (given, expected) => given === expected,
  blankPassCodeRefused: true,
  totpWindow: 1,
  facePhotoRequired: true,
  externalPhotoFlagTypeChecked: true,

  bindsFactor: true,
  duplicateBindingRefused: true,
  boundTypesLeftOutOfToEnroll: true,
  getFactorFindsBound: true,
  resetUnbinds: true,

  resendWindowEnforced: true,
  otpDataSent: true,
  advertisedSecret: (secret) => secret,
  advertisedRecoveryCode: (code) => code,

  accessTokenRequired: true,
  bareTokenAccepted: true,

  statusCodeIsNumber: true,
  errorsCarryApiCode: true,
  malformedJsonAnswered: true,
  wrongTypesAnswered: true,
};
