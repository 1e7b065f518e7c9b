import { randomBytes } from 'node:crypto';
import { aFactor, defined, expect, scenario, test } from '../../fixtures';
import { FACTOR_TYPES } from '../../src/contract';

/** A factorId no provider issued: ids are opaque, so any string the provider never handed out will do. */
const unknownFactorId = () => `no-such-factor-${randomBytes(8).toString('hex')}`;

for (const factorType of FACTOR_TYPES) {
  test.describe(`${factorType} factor ownership`, () => {
    test.use({ touches: [factorType] });

    test(
      `another user cannot unbind or read ${aFactor(factorType)} factor by its factorId, and the owner keeps it`,
      scenario({ factorType, scenario: 'ownership', defects: ['reset-any-factor', 'get-any-factor'] }),
      async ({ enrollment, client, otherUser, clientAs, expectFailure }) => {
        await enrollment.bind(factorType);
        const owned = defined(await enrollment.boundFactor(factorType), `the owner's ${factorType} factor`);
        const intruder = clientAs(otherUser);

        await test.step("reset-factor with the owner's factorId is refused", async () => {
          await expectFailure(
            await intruder.attempt('resetFactor', { factorId: owned.factorId }),
            'unknownFactorId',
          );
        });
        await test.step("get-factor with the owner's factorId is refused", async () => {
          await expectFailure(
            await intruder.attempt('getFactor', { factorId: owned.factorId }),
            'unknownFactorId',
          );
        });
        await test.step('the owner still has the factor, unchanged', async () => {
          expect(await enrollment.boundFactor(factorType)).toEqual(owned);
          expect(await client.getFactor({ factorId: owned.factorId })).toMatchObject({
            factorId: owned.factorId,
          });
        });
      },
    );

    test(
      `a factorId the provider never issued is unknown to get-factor and reset-factor, with ${aFactor(factorType)} factor bound`,
      scenario({ factorType, scenario: 'ownership', defects: [] }),
      async ({ enrollment, client, expectFailure }) => {
        await enrollment.bind(factorType);
        const factorId = unknownFactorId();
        await expectFailure(await client.attempt('getFactor', { factorId }), 'unknownFactorId');
        await expectFailure(await client.attempt('resetFactor', { factorId }), 'unknownFactorId');
        expect(
          await enrollment.boundFactor(factorType),
          `the ${factorType} factor is still bound`,
        ).toBeDefined();
      },
    );
  });
}
