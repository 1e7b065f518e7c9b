import { randomBytes } from 'node:crypto';
import { aFactor, defined, expect, expectAccepted, scenario, test } from '../../fixtures';
import { FACTOR_TRAITS, FACTOR_TYPES, type FactorType } from '../../src/contract';

const OTHER_TYPE: Readonly<Record<FactorType, FactorType>> = {
  OTP: 'SMS',
  SMS: 'EMAIL',
  EMAIL: 'FACE',
  FACE: 'OTP',
};

/** Changes one base64 character at `index` (counted from the end when negative), keeping the length. */
function tamper(token: string, index: number): string {
  const at = index < 0 ? token.replace(/=+$/, '').length + index : index;
  const replacement = token[at] === 'A' ? 'B' : 'A';
  return token.slice(0, at) + replacement + token.slice(at + 1);
}

for (const factorType of FACTOR_TYPES) {
  test.describe(`${factorType} enrollment token misuse`, () => {
    test.use({ touches: [factorType] });

    test(
      `${aFactor(factorType)} enrollment is refused with an enrollment token the provider never issued`,
      scenario({ factorType, scenario: 'token misuse', defects: ['drop-api-code'] }),
      async ({ enrollment, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        const result = await enrollment.enroll(pending, undefined, {
          enrollmentToken: randomBytes(128).toString('base64'),
        });
        await expectFailure(result, 'enrollmentTokenInvalid');
      },
    );

    test(
      `${aFactor(factorType)} enrollment is refused with a tampered enrollment token`,
      scenario({ factorType, scenario: 'token misuse', defects: ['accept-tampered-token'] }),
      async ({ enrollment, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        const token = pending.enrollmentToken;
        const variants = [
          ['its last character changed', tamper(token, -1)],
          ['a character in the middle changed', tamper(token, Math.floor(token.length / 2))],
          ['its first character changed', tamper(token, 0)],
          ['a character appended', `${token}A`],
          ['its last character cut off', token.slice(0, -1)],
        ] as const;
        for (const [name, enrollmentToken] of variants) {
          await test.step(`a token with ${name} is refused`, async () => {
            const result = await enrollment.enroll(pending, undefined, { enrollmentToken });
            await expectFailure(result, 'enrollmentTokenInvalid');
          });
        }
      },
    );

    test(
      `${aFactor(factorType)} enrollment token cannot be used twice, even after the factor was reset`,
      scenario({
        factorType,
        scenario: 'token misuse',
        defects: ['token-reusable'],
        decisions: ['enrollmentTokenSingleUse'],
      }),
      async ({ enrollment, client, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        expectAccepted(await enrollment.enroll(pending), 'the first enroll-factor');
        const bound = defined(await enrollment.boundFactor(factorType), `${factorType} is bound`);
        await client.resetFactor({ factorId: bound.factorId });
        await expectFailure(await enrollment.enroll(pending), 'enrollmentTokenUsed');
      },
    );

    test(
      `${aFactor(factorType)} enrollment is refused with another user's enrollment token`,
      scenario({ factorType, scenario: 'token misuse', defects: ['ignore-token-owner'] }),
      async ({ enrollment, otherUser, clientAs, expectFailure }) => {
        const othersPending = await enrollment.start(factorType, {
          user: otherUser,
          client: clientAs(otherUser),
        });
        const result = await enrollment.enroll(othersPending);
        await expectFailure(result, 'enrollmentTokenMismatch');
      },
    );

    test(
      `${aFactor(factorType)} enrollment token is refused for another factorType`,
      scenario({ factorType, scenario: 'token misuse', defects: ['ignore-factor-type-mismatch'] }),
      async ({ enrollment, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        const result = await enrollment.enroll(pending, undefined, { factorType: OTHER_TYPE[factorType] });
        await expectFailure(result, 'enrollmentTokenMismatch');
      },
    );

    test(
      `two concurrent ${factorType} enrollments with one token: exactly one succeeds`,
      scenario({ factorType, scenario: 'token misuse', defects: ['race-double-enroll'] }),
      async ({ enrollment, client, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        const enrollmentData = await enrollment.enrollmentData(pending);
        const results = await Promise.all([
          enrollment.enroll(pending, enrollmentData),
          enrollment.enroll(pending, enrollmentData),
        ]);
        const accepted = results.filter((result) => result.ok);
        expect(accepted, 'exactly one of the two concurrent enroll-factor calls succeeds').toHaveLength(1);
        const refused = defined(
          results.find((result) => !result.ok),
          'one of the two concurrent enroll-factor calls is refused',
        );
        await expectFailure(refused, ['enrollmentTokenUsed', FACTOR_TRAITS[factorType].alreadyBound]);
        const bound = (await client.listEnrolledFactors()).filter(
          (factor) => factor.factorType === factorType,
        );
        expect(bound, `one ${factorType} factor is bound`).toHaveLength(1);
      },
    );
  });
}
