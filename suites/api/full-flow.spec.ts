import { aFactor, defined, expect, expectAccepted, scenario, test } from '../../fixtures';
import {
  byProof,
  FACTOR_TRAITS,
  FACTOR_TYPES,
  type FactorType,
  PASS_CODE_LENGTHS,
  RecoveryCodeSchema,
  SUCCESS_MESSAGES,
} from '../../src/contract';

/** The profile fields a listed factor repeats from its enrollment request. */
const LISTED_PROFILE: Readonly<Record<FactorType, readonly string[]>> = {
  OTP: [],
  SMS: ['phoneNumber'],
  EMAIL: ['email'],
  FACE: [],
};

const pick = (profile: Readonly<Record<string, unknown>> | null | undefined, fields: readonly string[]) =>
  Object.fromEntries(fields.map((field) => [field, profile?.[field]]));

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
          ...(FACTOR_TRAITS[factorType].recipient ? (['codeFactorsReset'] as const) : []),
        ],
        defects: [
          'bind-nothing',
          'still-listed-to-enroll',
          'get-factor-not-found',
          'reset-keeps-factor',
          'duplicate-listing',
          'get-factor-wrong-type',
          ...(FACTOR_TRAITS[factorType].recipient ? (['drop-profile'] as const) : []),
        ],
      }),
      async ({ client, enrollment }) => {
        const toEnrollBefore = await client.listFactorsToEnroll();
        expect(toEnrollBefore.map((factor) => factor.factorType)).toContain(factorType);

        const pending = await test.step('send-enroll-factor-request issues an enrollment token', () =>
          enrollment.start(factorType));
        expect(pending.data.otpData !== undefined, 'only TOTP answers carry otpData').toBe(
          byProof(factorType, { totp: true, 'delivered code': false, photo: false }),
        );

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
            const fields = LISTED_PROFILE[factorType];
            expect(pick(factor.profile, fields), 'the listed profile repeats the enrolled one').toEqual(
              pick(pending.profile, fields),
            );
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

for (const factorType of ['SMS', 'EMAIL'] as const) {
  test.describe(`${factorType} enrollment`, () => {
    test.use({ touches: [factorType] });

    test(
      `the code delivered for ${aFactor(factorType)} enrollment has a length the catalog allows`,
      scenario({
        factorType,
        scenario: 'full flow',
        defects: ['eight-digit-codes'],
        decisions: ['codeLength'],
      }),
      async ({ enrollment }) => {
        const code = await enrollment.passCode(await enrollment.start(factorType));
        expect(PASS_CODE_LENGTHS, `the ${factorType} code's length`).toContain(code.length);
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
    async ({ client, enrollment }) => {
      const pending = await enrollment.start('OTP');
      const otpData = pending.data.otpData;
      expect(otpData, 'OTP answers carry otpData').toBeDefined();
      expect(RecoveryCodeSchema.safeParse(otpData?.recoveryCode).success, 'recoveryCode format').toBe(true);
      expectAccepted(await enrollment.enroll(pending), 'enroll-factor with a TOTP of the secret handed out');
      const { verified } = await client.mfaOtpVerify({ totp: await enrollment.passCode(pending) });
      expect(verified, 'mfa-totp-verify accepts a TOTP of the same secret').toBe(true);
    },
  );

  test(
    "an OTP enrollment names the user pool as the TOTP secret's issuer",
    scenario({ factorType: 'OTP', scenario: 'full flow', defects: ['generic-totp-issuer'] }),
    async ({ enrollment, user }) => {
      test.skip(!user.userPoolName, 'GENAUTH_USER_POOL_NAME is not set, so the expected issuer is unknown');
      const pending = await enrollment.start('OTP');
      expect(pending.totp?.issuer, 'the issuer of the otpauth URI').toBe(user.userPoolName);
    },
  );
});
