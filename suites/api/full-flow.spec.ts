import { aFactor, defined, expect, expectAccepted, scenario, test } from '../../fixtures';
import { FACTOR_TYPES, PASS_CODE_LENGTHS, RecoveryCodeSchema, SUCCESS_MESSAGES } from '../../src/contract';

for (const factorType of FACTOR_TYPES) {
  test.describe(`${factorType} enrollment`, () => {
    test.use({ touches: [factorType] });

    test(
      `${aFactor(factorType)} factor can be requested, enrolled, listed, read, and reset`,
      scenario({
        factorType,
        scenario: 'full flow',
        severity: 'blocker',
        decisions: [
          'successMessage',
          ...(factorType === 'SMS' || factorType === 'EMAIL'
            ? (['codeLength', 'codeFactorsReset'] as const)
            : []),
        ],
        defects: [
          'bind-nothing',
          'still-listed-to-enroll',
          'get-factor-not-found',
          'reset-keeps-factor',
          'duplicate-listing',
          'get-factor-wrong-type',
          ...(factorType === 'SMS' || factorType === 'EMAIL' ? (['drop-profile'] as const) : []),
        ],
      }),
      async ({ client, enrollment }) => {
        const toEnrollBefore = await client.listFactorsToEnroll();
        expect(toEnrollBefore.map((factor) => factor.factorType)).toContain(factorType);

        const pending = await test.step('send-enroll-factor-request issues an enrollment token', () =>
          enrollment.start(factorType));
        if (factorType !== 'OTP') {
          expect(pending.data.otpData, `${factorType} answers carry no otpData`).toBeUndefined();
        }
        if (factorType === 'SMS' || factorType === 'EMAIL') {
          const code = await enrollment.passCode(pending);
          expect(PASS_CODE_LENGTHS, `the ${factorType} code's length is one the catalog allows`).toContain(
            code.length,
          );
        }

        const enrolled = await enrollment.enroll(pending);
        expectAccepted(enrolled, 'enroll-factor with the right proof');
        expect(SUCCESS_MESSAGES, 'the success message is one the docs show').toContain(
          enrolled.envelope.message,
        );

        const listed =
          await test.step('list-enrolled-factors shows the factor, once, with its profile', async () => {
            const enrolled = await client.listEnrolledFactors();
            const ofType = enrolled.filter((candidate) => candidate.factorType === factorType);
            expect(ofType, `${factorType} is listed by list-enrolled-factors exactly once`).toHaveLength(1);
            const factor = defined(ofType[0], `the listed ${factorType} factor`);
            if (factorType === 'SMS') expect(factor.profile?.phoneNumber).toBe(pending.profile?.phoneNumber);
            if (factorType === 'EMAIL') expect(factor.profile?.email).toBe(pending.profile?.email);
            return factor;
          });
        const { factorId } = listed;

        await test.step('get-factor returns it as listed', async () => {
          const factor = await client.getFactor({ factorId });
          expect(factor).toMatchObject({ factorId, factorType, profile: listed.profile });
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

test.describe('OTP enrollment', () => {
  test.use({ touches: ['OTP'] });

  test(
    'an OTP enrollment request hands out a TOTP secret that works and a recovery code',
    scenario({
      factorType: 'OTP',
      scenario: 'full flow',
      severity: 'blocker',
      defects: ['omit-otp-data', 'invalid-base32-secret', 'bad-recovery-code'],
    }),
    async ({ client, enrollment, user }) => {
      const pending = await enrollment.start('OTP');
      const otpData = pending.data.otpData;
      expect(otpData, 'OTP answers carry otpData').toBeDefined();
      expect(RecoveryCodeSchema.safeParse(otpData?.recoveryCode).success, 'recoveryCode format').toBe(true);
      if (user.userPoolName) expect(pending.totp?.issuer).toBe(user.userPoolName);
      expectAccepted(await enrollment.enroll(pending), 'enroll-factor with a TOTP of the secret handed out');
      const { verified } = await client.mfaOtpVerify({ totp: await enrollment.passCode(pending) });
      expect(verified, 'mfa-totp-verify accepts a TOTP of the same secret').toBe(true);
    },
  );
});
