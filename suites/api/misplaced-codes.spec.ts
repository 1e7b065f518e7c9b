import { aFactor, defined, expect, expectAccepted, scenario, test } from '../../fixtures';
import { TOTP_PARAMETERS, totpCodeAt } from '../../src/contract';

/** What a person was shown, typed where it does not belong: each is refused with the catalog's answer. */

test.describe('OTP codes typed where they do not belong', () => {
  test.use({ touches: ['OTP'] });

  test(
    'an OTP enrollment is refused with its recovery code typed as the passCode',
    scenario({ factorType: 'OTP', scenario: 'misplaced codes', defects: ['accept-recovery-code'] }),
    async ({ enrollment, expectFailure }) => {
      const pending = await enrollment.start('OTP');
      const recoveryCode = defined(
        pending.data.otpData?.recoveryCode,
        'the recovery code shown with the QR image',
      );
      await expectFailure(
        await enrollment.enroll(pending, { passCode: recoveryCode }),
        'recoveryCodeAsPassCode',
      );
    },
  );

  test(
    'mfa-totp-verify does not verify the recovery code of the bound OTP factor',
    scenario({
      factorType: 'OTP',
      scenario: 'misplaced codes',
      defects: ['accept-recovery-code'],
      decisions: ['totpVerifyWrongCode'],
    }),
    async ({ client, enrollment }) => {
      const bound = await enrollment.bind('OTP');
      const recoveryCode = defined(
        bound.data.otpData?.recoveryCode,
        'the recovery code shown with the QR image',
      );
      const { verified } = await client.mfaOtpVerify({ totp: recoveryCode });
      expect(verified, 'the recovery code typed where the authenticator code goes').toBe(false);
    },
  );

  test(
    "after an OTP factor is reset, a TOTP of its secret does not prove the user's next OTP enrollment",
    scenario({ factorType: 'OTP', scenario: 'misplaced codes', defects: ['accept-earlier-totp-secret'] }),
    async ({ client, enrollment, environment, user, expectFailure }) => {
      const earlier = await enrollment.bind('OTP');
      const earlierApp = defined(earlier.totp, 'the authenticator app set up from the first QR image');
      const factor = defined(await enrollment.boundFactor('OTP'), 'the bound OTP factor');
      await client.resetFactor({ factorId: factor.factorId });

      const next = await enrollment.start('OTP');
      const nextApp = defined(next.totp, 'the authenticator app set up from the second QR image');
      const now = await environment.clock.now(user);
      const earlierCode = totpCodeAt(earlierApp, now);
      const acceptedNow = [-1, 0, 1].map((step) =>
        totpCodeAt(nextApp, now + step * TOTP_PARAMETERS.period * 1000),
      );
      test.skip(acceptedNow.includes(earlierCode), 'both secrets happen to show the same code now');
      await expectFailure(await enrollment.enroll(next, { passCode: earlierCode }), 'wrongTotp');
    },
  );
});

for (const factorType of ['SMS', 'EMAIL'] as const) {
  test.describe(`${factorType} codes typed where they do not belong`, () => {
    test.use({ touches: [factorType] });

    test(
      `after ${aFactor(factorType)} factor is reset, the code that bound it does not prove the next ${factorType} enrollment`,
      scenario({ factorType, scenario: 'misplaced codes', defects: ['accept-code-from-before-reset'] }),
      async ({ client, enrollment, expectFailure }) => {
        const earlier = await enrollment.start(factorType);
        const earlierCode = await enrollment.passCode(earlier);
        expectAccepted(
          await enrollment.enroll(earlier, { passCode: earlierCode }),
          `the first ${factorType} enrollment`,
        );
        const factor = defined(await enrollment.boundFactor(factorType), `the bound ${factorType} factor`);
        await client.resetFactor({ factorId: factor.factorId });

        // To a fresh recipient: the same one would be refused for a minute (the resend limit), and the code
        // belongs to the user's earlier enrollment of the type either way.
        const next = await enrollment.start(factorType);
        test.skip(earlierCode === (await enrollment.passCode(next)), 'both enrollments drew the same code');
        await expectFailure(await enrollment.enroll(next, { passCode: earlierCode }), 'wrongPassCode');
      },
    );
  });
}
