import { defined, expect, scenario, test } from '../../fixtures';
import { totpCodeAt, totpCodesOutsideWindow } from '../../src/contract';

test.describe('OTP verification', () => {
  test.use({ touches: ['OTP'] });

  test(
    'mfa-totp-verify answers verified false for a wrong code and for a code outside the window',
    scenario({
      factorType: 'OTP',
      scenario: 'TOTP verification',
      defects: ['totp-verify-accepts-any', 'totp-wrong-window'],
      decisions: ['totpVerifyWrongCode', 'totpWindow'],
    }),
    async ({ client, enrollment, environment, user, testData }) => {
      const bound = await enrollment.bind('OTP');
      const totp = defined(bound.totp, 'the authenticator set up from qrCodeUri');
      const now = await environment.clock.now(user);
      const current = totpCodeAt(totp, now);
      await test.step('the current code is verified', async () => {
        expect((await client.mfaOtpVerify({ totp: current })).verified).toBe(true);
      });
      await test.step('a wrong code is not', async () => {
        expect((await client.mfaOtpVerify({ totp: testData.otherCode(current) })).verified).toBe(false);
      });
      for (const { code, label } of totpCodesOutsideWindow(totp, now)) {
        await test.step(`the code of ${label} is not`, async () => {
          expect((await client.mfaOtpVerify({ totp: code })).verified).toBe(false);
        });
      }
    },
  );

  test(
    'mfa-totp-verify refuses a user whose OTP factor was reset',
    scenario({ factorType: 'OTP', scenario: 'TOTP verification', defects: ['totp-verify-without-factor'] }),
    async ({ client, enrollment, environment, user, expectFailure }) => {
      const bound = await enrollment.bind('OTP');
      const factor = defined(await enrollment.boundFactor('OTP'), 'the bound OTP factor');
      await client.resetFactor({ factorId: factor.factorId });
      const code = totpCodeAt(defined(bound.totp, 'the authenticator'), await environment.clock.now(user));
      await expectFailure(await client.attempt('mfaOtpVerify', { totp: code }), 'otpNotEnrolled');
    },
  );
});
