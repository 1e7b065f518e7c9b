import { successBody } from '../matchers';
import type { InteractionRecord } from './record';
import { PROVIDER_STATES } from './states';
import { rightCode, wrongCode } from './values';

/**
 * mfa-totp-verify: a code checked against the user's bound OTP factor. A wrong code is answered `verified:
 * false` (the behaviour decision totpVerifyWrongCode), which the app's "wrong code, try again" depends on.
 */
export const MFA_TOTP_VERIFY = {
  totpVerifyWrongCode: {
    given: { state: PROVIDER_STATES.boundFactor, params: { factorType: 'OTP' } },
    uponReceiving: 'mfa-totp-verify answers verified false for a wrong TOTP code',
    withRequest: { operation: 'mfaOtpVerify', body: () => ({ totp: wrongCode() }) },
    willRespondWith: { body: () => successBody('mfaOtpVerify', { verified: false }) },
    catches: ['totp-verify-accepts-any'],
  },
  totpVerifyRightCode: {
    given: { state: PROVIDER_STATES.boundFactor, params: { factorType: 'OTP' } },
    uponReceiving: 'mfa-totp-verify answers verified true for the current TOTP code',
    withRequest: { operation: 'mfaOtpVerify', body: () => ({ totp: rightCode() }) },
    willRespondWith: { body: () => successBody('mfaOtpVerify', { verified: true }) },
  },
} satisfies Record<string, InteractionRecord>;
