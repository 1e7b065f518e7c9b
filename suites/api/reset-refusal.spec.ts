import { defined, EnrollmentKit, expect, scenario, test } from '../../fixtures';
import { roleNeeded } from '../../src/env';

test.describe('EMAIL factor reset refused', () => {
  test.use({ touches: ['EMAIL'] });

  test(
    'a factor the provider refuses to reset is answered with the refusal and stays bound',
    scenario({ factorType: 'EMAIL', scenario: 'reset refused', defects: [] }),
    async ({ environment, testData, clientAs, expectFailure }) => {
      const refusing = environment.resetRefusals;
      test.skip(!refusing?.factorTypes.includes('EMAIL'), roleNeeded('resetRefused'));
      if (!refusing) return;
      // Touching nothing: the user's factor cannot be reset, so it is neither reset nor checked on release.
      const user = await refusing.users.acquire({
        touches: [],
        refuseResetOf: ['EMAIL'],
        email: testData.email(),
      });
      try {
        const client = clientAs(user);
        const kit = new EnrollmentKit(environment, user, client, testData);
        // Where resets are refused, the factor an earlier run bound is still there: it serves as well.
        if (!(await kit.boundFactor('EMAIL'))) await kit.bind('EMAIL');
        const bound = defined(await kit.boundFactor('EMAIL'), 'the bound EMAIL factor');

        await expectFailure(
          await client.attempt('resetFactor', { factorId: bound.factorId }),
          'factorResetRefused',
        );
        expect(await kit.boundFactor('EMAIL'), 'the factor is still bound').toEqual(bound);
      } finally {
        await refusing.users.release(user);
      }
    },
  );
});
