import { defined, EnrollmentKit, expect, scenario, test } from '../../fixtures';

test.describe('EMAIL factor reset refused', () => {
  test.use({ touches: ['EMAIL'] });

  test(
    'a factor the provider refuses to reset is answered with the refusal and stays bound',
    scenario({ factorType: 'EMAIL', scenario: 'reset refused', defects: [] }),
    async ({ environment, testData, clientAs, expectFailure }) => {
      const refusing = environment.userRefusingResets;
      test.skip(
        !refusing,
        'a refusal cannot be provoked here; where the environment refuses, the designated users report it once',
      );
      if (!refusing) return;
      const user = await refusing(['EMAIL'], testData.email());
      const client = clientAs(user);
      const kit = new EnrollmentKit(environment, user, client, testData);
      await kit.bind('EMAIL');
      const bound = defined(await kit.boundFactor('EMAIL'), 'the EMAIL factor just bound');

      await expectFailure(
        await client.attempt('resetFactor', { factorId: bound.factorId }),
        'factorResetRefused',
      );
      expect(await kit.boundFactor('EMAIL'), 'the factor is still bound').toEqual(bound);
    },
  );
});
