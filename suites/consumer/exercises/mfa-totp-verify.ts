import { expect } from '@playwright/test';
import { EXAMPLE } from '../../../src/pact/examples';
import type { InteractionKey } from '../../../src/pact/interactions';
import { accepted, type Exercise, operation } from '../interaction';

/** The app checks the code the user typed: the right one lets the user on, a wrong one does not. */
const verifies =
  (totp: string, verified: boolean): Exercise =>
  async (client) => {
    const verify = operation(client, 'mfaOtpVerify');
    const answer = accepted(await verify({ totp }), 'mfa-totp-verify');
    expect(
      answer.verified,
      verified ? 'the app lets the user on' : 'the app tells the user the code was wrong',
    ).toBe(verified);
  };

export const MFA_TOTP_VERIFY = {
  totpVerifyWrongCode: verifies(EXAMPLE.wrongPassCode, false),
  totpVerifyRightCode: verifies(EXAMPLE.passCode, true),
} satisfies Partial<Record<InteractionKey, Exercise>>;
