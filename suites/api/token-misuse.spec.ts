import { randomBytes } from 'node:crypto';
import { aFactor, expect, expectAccepted, scenario, test } from '../../fixtures';
import { FACTOR_TYPES, type FactorType } from '../../src/contract';

const otherTypeThan = (factorType: FactorType): FactorType =>
  FACTOR_TYPES[(FACTOR_TYPES.indexOf(factorType) + 1) % FACTOR_TYPES.length]!;

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
      async ({ enrollment, client, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        const result = await client.attempt('enrollFactor', {
          factorType,
          enrollmentToken: randomBytes(128).toString('base64'),
          enrollmentData: await enrollment.enrollmentData(pending),
        });
        await expectFailure(result, 'enrollmentTokenInvalid');
      },
    );

    test(
      `${aFactor(factorType)} enrollment is refused with a tampered enrollment token`,
      scenario({ factorType, scenario: 'token misuse', defects: ['accept-tampered-token'] }),
      async ({ enrollment, client, expectFailure }) => {
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
            const result = await client.attempt('enrollFactor', {
              factorType,
              enrollmentToken,
              enrollmentData: await enrollment.enrollmentData(pending),
            });
            await expectFailure(result, 'enrollmentTokenInvalid');
          });
        }
      },
    );

    test(
      `${aFactor(factorType)} enrollment token cannot be used twice, even after the factor was reset`,
      scenario({ factorType, scenario: 'token misuse', defects: ['token-reusable'] }),
      async ({ enrollment, client, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        expectAccepted(await enrollment.complete(pending), 'the first enroll-factor');
        const bound = await enrollment.boundFactor(factorType);
        expect(bound, `${factorType} is bound`).toBeDefined();
        await client.resetFactor({ factorId: bound!.factorId });
        await expectFailure(await enrollment.complete(pending), 'enrollmentTokenUsed');
      },
    );

    test(
      `${aFactor(factorType)} enrollment is refused with another user's enrollment token`,
      scenario({ factorType, scenario: 'token misuse', defects: ['ignore-token-owner'] }),
      async ({ enrollment, client, otherUser, clientAs, expectFailure }) => {
        const othersPending = await enrollment.start(factorType, {
          user: otherUser,
          client: clientAs(otherUser),
        });
        const result = await client.attempt('enrollFactor', {
          factorType,
          enrollmentToken: othersPending.enrollmentToken,
          enrollmentData: await enrollment.enrollmentData(othersPending),
        });
        await expectFailure(result, 'enrollmentTokenMismatch');
      },
    );

    test(
      `${aFactor(factorType)} enrollment token is refused for another factorType`,
      scenario({ factorType, scenario: 'token misuse', defects: ['ignore-factor-type-mismatch'] }),
      async ({ enrollment, client, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        const result = await client.attempt('enrollFactor', {
          factorType: otherTypeThan(factorType),
          enrollmentToken: pending.enrollmentToken,
          enrollmentData: await enrollment.enrollmentData(pending),
        });
        await expectFailure(result, 'enrollmentTokenMismatch');
      },
    );

    test(
      `two concurrent ${factorType} enrollments with one token: exactly one succeeds`,
      scenario({ factorType, scenario: 'token misuse', defects: ['race-double-enroll'] }),
      async ({ enrollment, client, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        const enrollmentData = await enrollment.enrollmentData(pending);
        const request = { factorType, enrollmentToken: pending.enrollmentToken, enrollmentData };
        const results = await Promise.all([
          client.attempt('enrollFactor', request),
          client.attempt('enrollFactor', request),
        ]);
        const accepted = results.filter((result) => result.ok);
        expect(accepted, 'exactly one of the two concurrent enroll-factor calls succeeds').toHaveLength(1);
        const refused = results.find((result) => !result.ok)!;
        await expectFailure(refused, [
          'enrollmentTokenUsed',
          factorType === 'FACE' ? 'faceAlreadyBound' : 'factorAlreadyBound',
        ]);
        const bound = (await client.listEnrolledFactors()).filter(
          (factor) => factor.factorType === factorType,
        );
        expect(bound, `one ${factorType} factor is bound`).toHaveLength(1);
      },
    );
  });
}
