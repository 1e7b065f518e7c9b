import { aFactor, defined, expect, expectAccepted, scenario, test } from '../../fixtures';
import { FACTOR_TYPES, RecoveryCodeSchema } from '../../src/contract';

for (const factorType of FACTOR_TYPES) {
  test.describe(`${factorType} enrollment`, () => {
    test.use({ touches: [factorType] });

    test(
      `${aFactor(factorType)} factor can be requested, enrolled, listed, read, and reset`,
      scenario({
        factorType,
        scenario: 'full flow',
        severity: 'blocker',
        defects: [
          'bind-nothing',
          'still-listed-to-enroll',
          'get-factor-not-found',
          'reset-keeps-factor',
          'status-code-as-string',
          ...(factorType === 'OTP'
            ? (['omit-otp-data', 'invalid-base32-secret', 'bad-recovery-code'] as const)
            : []),
        ],
      }),
      async ({ client, enrollment, user }) => {
        const toEnrollBefore = await client.listFactorsToEnroll();
        expect(toEnrollBefore.map((factor) => factor.factorType)).toContain(factorType);

        const pending = await test.step('send-enroll-factor-request issues an enrollment token', () =>
          enrollment.start(factorType));
        if (factorType === 'OTP') {
          const otpData = pending.data.otpData;
          expect(otpData, 'OTP answers carry otpData').toBeDefined();
          expect(RecoveryCodeSchema.safeParse(otpData?.recoveryCode).success, 'recoveryCode format').toBe(
            true,
          );
          if (user.userPoolName) expect(pending.totp?.issuer).toBe(user.userPoolName);
        } else {
          expect(pending.data.otpData, `${factorType} answers carry no otpData`).toBeUndefined();
        }

        expectAccepted(await enrollment.enroll(pending), 'enroll-factor with the right proof');

        const factorId = await test.step('list-enrolled-factors shows the factor', async () => {
          const enrolled = await client.listEnrolledFactors();
          const factor = defined(
            enrolled.find((candidate) => candidate.factorType === factorType),
            `${factorType} is listed by list-enrolled-factors`,
          );
          if (factorType === 'SMS') expect(factor.profile.phoneNumber).toBe(pending.profile?.phoneNumber);
          if (factorType === 'EMAIL') expect(factor.profile.email).toBe(pending.profile?.email);
          return factor.factorId;
        });

        await test.step('get-factor returns it', async () => {
          const factor = await client.getFactor({ factorId });
          expect(factor).toMatchObject({ factorId, factorType });
        });

        await test.step('list-factors-to-enroll no longer offers it', async () => {
          const toEnroll = await client.listFactorsToEnroll();
          expect(toEnroll.map((factor) => factor.factorType)).not.toContain(factorType);
        });

        if (pending.totp) {
          await test.step('mfa-totp-verify accepts the current TOTP', async () => {
            const { verified } = await client.mfaOtpVerify({ totp: await enrollment.passCode(pending) });
            expect(verified).toBe(true);
          });
        }

        await test.step('reset-factor unbinds it', async () => {
          await client.resetFactor({ factorId });
          const enrolled = await client.listEnrolledFactors();
          expect(enrolled.map((factor) => factor.factorType)).not.toContain(factorType);
          const toEnroll = await client.listFactorsToEnroll();
          expect(toEnroll.map((factor) => factor.factorType)).toContain(factorType);
        });
      },
    );
  });
}
