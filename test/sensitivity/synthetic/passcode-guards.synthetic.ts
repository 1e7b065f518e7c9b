import { expect, scenario, test } from '../../../fixtures';

/** Two tests that name accept-any-passcode: one checks it, one was weakened until it no longer does. */
test.describe('SMS passCode guards', () => {
  test.use({ touches: ['SMS'] });

  test(
    'an SMS enrollment is refused with a wrong code',
    scenario({ factorType: 'SMS', scenario: 'invalid passCode', defects: ['accept-any-passcode'] }),
    async ({ enrollment, client, testData, expectFailure }) => {
      const pending = await enrollment.start('SMS');
      const passCode = testData.otherCode(await enrollment.passCode(pending));
      const result = await client.attempt('enrollFactor', {
        factorType: 'SMS',
        enrollmentToken: pending.enrollmentToken,
        enrollmentData: { passCode },
      });
      await expectFailure(result, 'wrongPassCode');
    },
  );

  test(
    'an SMS enrollment with a wrong code gets an answer (weakened: no longer checks which)',
    scenario({ factorType: 'SMS', scenario: 'invalid passCode', defects: ['accept-any-passcode'] }),
    async ({ enrollment, client, testData }) => {
      const pending = await enrollment.start('SMS');
      const passCode = testData.otherCode(await enrollment.passCode(pending));
      const result = await client.attempt('enrollFactor', {
        factorType: 'SMS',
        enrollmentToken: pending.enrollmentToken,
        enrollmentData: { passCode },
      });
      expect(result.httpStatus).toBe(200);
    },
  );
});
