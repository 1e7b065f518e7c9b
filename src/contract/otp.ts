import { Secret, TOTP, URI } from 'otpauth';
import { z } from './zod';

/** TOTP parameters the API advertises in every `qrCodeUri`. */
/** Lengths an SMS or EMAIL code may have (BEHAVIOUR_DECISIONS.codeLength). */
export const PASS_CODE_LENGTHS: readonly number[] = [4, 6];

export const TOTP_PARAMETERS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

export const RECOVERY_CODE_PATTERN = /^[0-9a-f]{4}(?:-[0-9a-f]{4}){5}$/;
export const BASE32_SECRET_PATTERN = /^[A-Z2-7]{16,}$/;

/** What a `qrCodeUri` must say: `otpauth://totp/<pool>:<account>?secret=…&period=30&digits=6&algorithm=SHA1&issuer=<pool>`. */
export const OtpAuthUriSchema = z
  .string()
  .transform((uri, ctx) => {
    let parsed: ReturnType<typeof URI.parse>;
    try {
      parsed = URI.parse(uri);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `not a valid otpauth URI: ${(error as Error).message}` });
      return z.NEVER;
    }
    if (!(parsed instanceof TOTP)) {
      ctx.addIssue({ code: 'custom', message: 'otpauth URI is not of type totp' });
      return z.NEVER;
    }
    return { totp: parsed, raw: new URL(uri) };
  })
  .superRefine(({ totp, raw }, ctx) => {
    const secret = raw.searchParams.get('secret') ?? '';
    if (!BASE32_SECRET_PATTERN.test(secret)) {
      ctx.addIssue({
        code: 'custom',
        path: ['secret'],
        message: 'secret must be RFC 4648 Base32, at least 16 characters',
      });
    }
    if (totp.algorithm !== TOTP_PARAMETERS.algorithm) {
      ctx.addIssue({
        code: 'custom',
        path: ['algorithm'],
        message: `algorithm must be ${TOTP_PARAMETERS.algorithm}`,
      });
    }
    if (totp.digits !== TOTP_PARAMETERS.digits) {
      ctx.addIssue({ code: 'custom', path: ['digits'], message: `digits must be ${TOTP_PARAMETERS.digits}` });
    }
    if (totp.period !== TOTP_PARAMETERS.period) {
      ctx.addIssue({ code: 'custom', path: ['period'], message: `period must be ${TOTP_PARAMETERS.period}` });
    }
    if (!totp.issuer || !totp.label) {
      ctx.addIssue({
        code: 'custom',
        path: ['label'],
        message: 'label must be <issuer>:<account> with an issuer',
      });
    }
  })
  .transform(({ totp }) => totp);

export const RecoveryCodeSchema = z
  .string()
  .regex(RECOVERY_CODE_PATTERN, 'six dash-joined groups of four hex digits');

/** The TOTP code a user's authenticator app shows at `timestampMs` for the secret inside `qrCodeUri`. */
export function totpCodeAt(totp: TOTP, timestampMs: number): string {
  return totp.generate({ timestamp: timestampMs });
}

/**
 * The codes of five TOTP steps before and after `nowMs`, outside the accepted window
 * (BEHAVIOUR_DECISIONS.totpWindow), labelled `5 steps ago` and `5 steps ahead`. A code that happens to
 * equal one inside the window is left out: the API rightly accepts it.
 */
export function totpCodesOutsideWindow(totp: TOTP, nowMs: number): { code: string; label: string }[] {
  const stepMs = TOTP_PARAMETERS.period * 1000;
  const inWindow = new Set([-1, 0, 1].map((step) => totpCodeAt(totp, nowMs + step * stepMs)));
  return [-5, 5].flatMap((steps) => {
    const code = totpCodeAt(totp, nowMs + steps * stepMs);
    const label = `${Math.abs(steps)} steps ${steps > 0 ? 'ahead' : 'ago'}`;
    return inWindow.has(code) ? [] : [{ code, label }];
  });
}

export function createTotp(secretBase32: string, issuer: string, label: string): TOTP {
  return new TOTP({ ...TOTP_PARAMETERS, issuer, label, secret: Secret.fromBase32(secretBase32) });
}

/** The secret (Base32) of a parsed TOTP. */
export function totpSecretOf(totp: TOTP): string {
  return totp.secret.base32;
}
