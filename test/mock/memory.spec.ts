import { expect, startEnrollment, test, withMock } from './fixtures';

test.describe('memory stays bounded', () => {
  test('expired pending enrollments are swept and their tokens then answer "expired"', async () => {
    await withMock({ sweepIntervalMs: 60_000 }, async (harness) => {
      const users = await Promise.all(Array.from({ length: 20 }, () => harness.newUser()));
      const started = await Promise.all(users.map((user) => startEnrollment(harness, user, 'OTP')));
      expect((await harness.control.stats()).pendingEnrollments).toBe(20);

      for (const user of users.slice(0, 15)) await harness.control.advance(user.userId, 61_000);
      const afterSweep = await harness.control.sweep();
      expect(afterSweep.swept).toBe(15);
      expect(afterSweep.pendingEnrollments).toBe(5);

      const expired = await users[0]!.client.attempt('enrollFactor', {
        factorType: 'OTP',
        enrollmentToken: started[0]!.enrollmentToken,
        enrollmentData: { passCode: started[0]!.passCode },
      });
      expect(expired.ok === false && expired.envelope.apiCode).toBe(2300);
    });
  });

  test('the periodic sweeper retires expired enrollments without being asked', async () => {
    await withMock({ sweepIntervalMs: 50, enrollmentTokenTtlSeconds: 0.2 }, async (harness) => {
      const user = await harness.newUser();
      await Promise.all([startEnrollment(harness, user, 'OTP'), startEnrollment(harness, user, 'FACE')]);
      expect((await harness.control.stats()).pendingEnrollments).toBe(2);
      await expect
        .poll(async () => (await harness.control.stats()).pendingEnrollments, { timeout: 5_000 })
        .toBe(0);
    });
  });

  test('many expired enrollments leave no pending state behind after a sweep', async () => {
    await withMock({ sweepIntervalMs: 60_000, rateLimitPerSecond: 0 }, async (harness) => {
      const user = await harness.newUser();
      for (let round = 0; round < 5; round++) {
        await Promise.all(
          Array.from({ length: 100 }, () =>
            user.client.sendEnrollFactorRequest({ factorType: 'FACE', profile: {} }),
          ),
        );
        await harness.control.advance(user.userId, 61_000);
        await harness.control.sweep();
      }
      const stats = await harness.control.stats();
      expect(stats.pendingEnrollments).toBe(0);
      expect(stats.spentTokens).toBe(500);
    });
  });
});
