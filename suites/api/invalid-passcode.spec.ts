import { aFactor, defined, expectAccepted, scenario, test } from '../../fixtures';
import {
  CODE_FACTOR_TYPES,
  type CodeFactorType,
  type ErrorScenario,
  totpCodesOutsideWindow,
} from '../../src/contract';
import type { DefectId } from '../../src/mock/defects';

/** The failure a wrong or a blank code gets, per factor type. */
const WRONG = { OTP: 'wrongTotp', SMS: 'wrongPassCode', EMAIL: 'wrongPassCode' } as const satisfies Record<
  CodeFactorType,
  ErrorScenario
>;
const BLANK = {
  OTP: 'missingTotp',
  SMS: 'missingPassCode',
  EMAIL: 'missingPassCode',
} as const satisfies Record<CodeFactorType, ErrorScenario>;
/** The defects that accept a code the provider compares with one it sent: a TOTP is computed, never sent. */
const SENT_CODE_DEFECTS: Readonly<Record<CodeFactorType, readonly DefectId[]>> = {
  OTP: [],
  SMS: ['accept-any-passcode'],
  EMAIL: ['accept-any-passcode'],
};
const acceptsAnyPassCode = (type: CodeFactorType) => SENT_CODE_DEFECTS[type];
/** What the code of another of the user's enrollments gets past: a TOTP has none, so its guard is the apiCode. */
const OTHER_ENROLLMENT_DEFECTS: Readonly<Record<CodeFactorType, readonly DefectId[]>> = {
  OTP: ['drop-api-code'],
  SMS: ['accept-other-enrollment-code', 'accept-any-passcode'],
  EMAIL: ['accept-other-enrollment-code', 'accept-any-passcode'],
};
const BLANK_DEFECTS: Readonly<Record<CodeFactorType, readonly DefectId[]>> = {
  OTP: [],
  SMS: ['accept-empty-passcode'],
  EMAIL: ['accept-empty-passcode'],
};

for (const factorType of CODE_FACTOR_TYPES) {
  test.describe(`${factorType} passCode checks`, () => {
    test.use({ touches: [factorType] });

    test(
      `${aFactor(factorType)} enrollment is refused with a wrong code`,
      scenario({
        factorType,
        scenario: 'invalid passCode',
        defects: [...acceptsAnyPassCode(factorType), 'drop-api-code'],
      }),
      async ({ enrollment, testData, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        const wrongCode = testData.otherCode(await enrollment.passCode(pending));
        const result = await enrollment.enroll(pending, { passCode: wrongCode });
        await expectFailure(result, WRONG[factorType]);
      },
    );

    test(
      `${aFactor(factorType)} enrollment is refused with the code of another of the user's enrollments`,
      scenario({
        factorType,
        scenario: 'invalid passCode',
        defects: OTHER_ENROLLMENT_DEFECTS[factorType],
      }),
      async ({ enrollment, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        const other = await enrollment.start(factorType);
        const otherCode = await enrollment.passCode(other);
        test.skip(otherCode === (await enrollment.passCode(pending)), 'both enrollments drew the same code');
        const result = await enrollment.enroll(pending, { passCode: otherCode });
        await expectFailure(result, WRONG[factorType]);
      },
    );

    test(
      `${aFactor(factorType)} enrollment is refused with malformed codes: letters, too short, too long, empty, whitespace`,
      scenario({
        factorType,
        scenario: 'invalid passCode',
        defects: [...acceptsAnyPassCode(factorType), ...BLANK_DEFECTS[factorType], 'drop-api-code'],
      }),
      async ({ enrollment, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        const code = await enrollment.passCode(pending);
        const variants = [
          { name: 'letters', passCode: 'abcdef'.slice(0, code.length), expected: WRONG[factorType] },
          { name: 'too short', passCode: code.slice(0, -1), expected: WRONG[factorType] },
          { name: 'too long', passCode: `${code}0`, expected: WRONG[factorType] },
          { name: 'empty', passCode: '', expected: BLANK[factorType] },
          { name: 'whitespace', passCode: ' '.repeat(code.length), expected: BLANK[factorType] },
        ] as const;
        for (const variant of variants) {
          await test.step(`${variant.name} is refused`, async () => {
            const result = await enrollment.enroll(pending, { passCode: variant.passCode });
            await expectFailure(result, variant.expected);
          });
        }
      },
    );

    test(
      `the right ${factorType} code cannot be used again after a successful enrollment`,
      scenario({ factorType, scenario: 'invalid passCode', defects: ['token-reusable'] }),
      async ({ enrollment, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        const enrollmentData = await enrollment.enrollmentData(pending);
        expectAccepted(await enrollment.enroll(pending, enrollmentData), 'the first enroll-factor');
        await expectFailure(await enrollment.enroll(pending, enrollmentData), 'enrollmentTokenUsed');
      },
    );
  });
}

test.describe('OTP time window', () => {
  test.use({ touches: ['OTP'] });

  test(
    'an OTP enrollment is refused with a TOTP from outside the accepted window',
    scenario({ factorType: 'OTP', scenario: 'invalid passCode', defects: ['totp-wrong-window'] }),
    async ({ enrollment, environment, user, expectFailure }) => {
      const pending = await enrollment.start('OTP');
      const totp = defined(pending.totp, 'the authenticator set up from qrCodeUri');
      const now = await environment.clock.now(user);
      for (const { code, label } of totpCodesOutsideWindow(totp, now)) {
        await test.step(`a TOTP from ${label} is refused`, async () => {
          const result = await enrollment.enroll(pending, { passCode: code });
          await expectFailure(result, 'wrongTotp');
        });
      }
    },
  );
});

for (const [factorType, otherChannel] of [
  ['EMAIL', 'SMS'],
  ['SMS', 'EMAIL'],
] as const) {
  test.describe(`${factorType} token with ${otherChannel} code`, () => {
    test.use({ touches: [factorType, otherChannel] });

    test(
      `${aFactor(factorType)} enrollment is refused with the code of an ${otherChannel} enrollment`,
      scenario({
        factorType,
        scenario: 'invalid passCode',
        defects: ['accept-other-enrollment-code', 'accept-any-passcode'],
      }),
      async ({ enrollment, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        const other = await enrollment.start(otherChannel);
        const otherCode = await enrollment.passCode(other);
        test.skip(otherCode === (await enrollment.passCode(pending)), 'both enrollments drew the same code');
        const result = await enrollment.enroll(pending, { passCode: otherCode });
        await expectFailure(result, 'wrongPassCode');
      },
    );
  });
}

test.describe('FACE photo checks', () => {
  test.use({ touches: ['FACE'] });

  test(
    'a FACE enrollment is refused without a photo',
    scenario({ factorType: 'FACE', scenario: 'invalid passCode', defects: ['face-without-photo'] }),
    async ({ enrollment, expectFailure }) => {
      const pending = await enrollment.start('FACE');
      for (const [name, enrollmentData] of [
        ['no photo field', {}],
        ['an empty photo', { photo: '', isExternalPhoto: true }],
      ] as const) {
        await test.step(`${name} is refused`, async () => {
          const result = await enrollment.enroll(pending, enrollmentData);
          await expectFailure(result, 'facePhotoMissing');
        });
      }
    },
  );

  test(
    'a FACE enrollment is refused when isExternalPhoto is not a boolean',
    scenario({ factorType: 'FACE', scenario: 'invalid passCode', defects: ['ignore-external-photo-flag'] }),
    async ({ enrollment, client, expectFailure }) => {
      const pending = await enrollment.start('FACE');
      const { photo } = enrollment.facePhoto();
      for (const isExternalPhoto of ['true', 'false']) {
        await test.step(`isExternalPhoto as the string "${isExternalPhoto}" is refused`, async () => {
          const result = await client.raw('enrollFactor', {
            body: {
              factorType: 'FACE',
              enrollmentToken: pending.enrollmentToken,
              enrollmentData: { photo, isExternalPhoto },
            },
          });
          await expectFailure(result, 'wrongType');
        });
      }
    },
  );
});
