import { aFactor, expect, expectAccepted, scenario, test } from '../../fixtures';
import { FACTOR_TRAITS, FACTOR_TYPES, type FactorType } from '../../src/contract';

const alreadyBound = (factorType: FactorType) => FACTOR_TRAITS[factorType].alreadyBound;

for (const factorType of FACTOR_TYPES) {
  test.describe(`${factorType} duplicate binding`, () => {
    test.use({ touches: [factorType] });

    test(
      `a second ${factorType} enrollment request is refused while ${aFactor(factorType)} factor is bound`,
      scenario({ factorType, scenario: 'duplicate binding', defects: ['allow-duplicate-binding'] }),
      async ({ client, enrollment, testData, expectFailure }) => {
        await enrollment.bind(factorType);
        const profile = testData.profileFor(factorType);
        const result = await client.attempt('sendEnrollFactorRequest', { factorType, profile });
        await expectFailure(result, alreadyBound(factorType));
      },
    );

    test(
      `a second pending ${factorType} enrollment cannot be completed once the first is bound, which stays the only one`,
      scenario({
        factorType,
        scenario: 'duplicate binding',
        defects: ['allow-duplicate-binding', 'duplicate-listing', 'still-listed-to-enroll'],
      }),
      async ({ client, enrollment, expectFailure }) => {
        const first = await enrollment.start(factorType);
        const second = await enrollment.start(factorType);
        expectAccepted(await enrollment.enroll(first), 'the first enrollment');
        await expectFailure(await enrollment.enroll(second), alreadyBound(factorType));
        const listed = (await client.listEnrolledFactors()).filter(
          (factor) => factor.factorType === factorType,
        );
        expect(listed, `one ${factorType} factor is listed`).toHaveLength(1);
        const offered = (await client.listFactorsToEnroll()).map((factor) => factor.factorType);
        expect(offered, `${factorType} is no longer offered`).not.toContain(factorType);
      },
    );
  });
}
