import { createTotp } from '../contract';

/** Whether `code` is the TOTP of `secret` at `timestampMs`, allowing `window` steps either side (RFC 6238 §5.2). */
export function verifyTotp(secret: string, code: string, timestampMs: number, window: number): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const totp = createTotp(secret, 'verify', 'verify');
  return totp.validate({ token: code, timestamp: timestampMs, window }) !== null;
}

/** `otpauth://totp/<pool>:<url-encoded account>?secret=…&period=30&digits=6&algorithm=SHA1&issuer=<pool>` */
export function otpAuthUri(userPoolName: string, account: string, secret: string): string {
  const pool = encodeURIComponent(userPoolName);
  return (
    `otpauth://totp/${pool}:${encodeURIComponent(account)}?secret=${secret}` +
    `&period=30&digits=6&algorithm=SHA1&issuer=${pool}`
  );
}
