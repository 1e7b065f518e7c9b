import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { Secret } from 'otpauth';

/** An opaque enrollment token: standard base64 of 128 random bytes (172 characters), as the real API issues. */
export function newEnrollmentToken(): string {
  return randomBytes(128).toString('base64');
}

/** A 24-hex-digit object id, the shape of GenAuth user and application ids. */
export function newObjectId(): string {
  return randomBytes(12).toString('hex');
}

/** A numeric verification code of `length` digits (leading zeros allowed). */
export function newNumericCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += String(randomInt(10));
  return code;
}

/** A 16-character RFC 4648 Base32 TOTP secret (80 bits), as in every real sample. */
export function newTotpSecret(): string {
  return new Secret({ size: 10 }).base32;
}

/** Six dash-joined groups of four lowercase hex digits, e.g. `e7ad-aaa4-da75-fa37-57d1-5141`. */
export function newRecoveryCode(): string {
  const hex = randomBytes(12).toString('hex');
  return Array.from({ length: 6 }, (_, group) => hex.slice(group * 4, group * 4 + 4)).join('-');
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** A JWT-shaped access token (HS256 over the mock's own key); the mock still looks every token up. */
export function newAccessToken(
  signingKey: Buffer,
  claims: { sub: string; aud: string; iss: string; iat: number; exp: number },
): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ ...claims, jti: randomBytes(8).toString('hex') }));
  const signature = createHmac('sha256', signingKey).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
