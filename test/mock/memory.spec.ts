import { ERROR_CATALOG } from '../../src/contract';
import { enroll, expect, startEnrollment, test, withMock } from './fixtures';

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

  test('idle users of the control plane are forgotten with all that is theirs; seed and busy users stay', async () => {
    await withMock(
      { userIdleSeconds: 1, sweepIntervalMs: 60_000, seedUsers: [{ account: 'seed', password: 'pw' }] },
      async (harness) => {
        const idle = await harness.newUser();
        const busy = await harness.newUser();
        for (const user of [idle, busy]) {
          await enroll(harness, user, 'OTP');
          await startEnrollment(harness, user, 'EMAIL');
          await startEnrollment(harness, user, 'FACE');
        }
        await harness.control.advance(idle.userId, 1_000);
        expect(await harness.control.stats()).toMatchObject({
          users: 3,
          boundFactors: 2,
          pendingEnrollments: 4,
          resendLocks: 2,
          outbox: 2,
        });
        const deadline = Date.now() + 1_500;
        while (Date.now() < deadline) {
          await busy.client.listEnrolledFactors();
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        const swept = await harness.control.sweep();
        expect(swept).toMatchObject({
          sweptUsers: 1,
          users: 2,
          // The seed user's access token, and the busy user's access, id and MFA tokens.
          accessTokens: 4,
          boundFactors: 1,
          pendingEnrollments: 2,
          resendLocks: 1,
          outbox: 1,
        });
        expect(await harness.control.outbox(idle.email)).toEqual([]);
        const forgotten = await idle.client.attempt('listEnrolledFactors', {});
        expect(forgotten.ok === false && forgotten.envelope.message).toBe(ERROR_CATALOG.appNotFound.message);
        await expect(harness.control.now(idle.userId)).rejects.toThrow(/swept after being idle/);
        expect(await busy.client.listEnrolledFactors()).toHaveLength(1);
        expect(harness.mock.seededUsers.map(({ account }) => account)).toEqual(['seed']);
      },
    );
  });

  test('the periodic sweeper forgets idle users without being asked', async () => {
    await withMock({ userIdleSeconds: 0.2, sweepIntervalMs: 50 }, async (harness) => {
      await Promise.all(Array.from({ length: 20 }, () => harness.newUser()));
      await expect.poll(async () => (await harness.control.stats()).users, { timeout: 5_000 }).toBe(0);
      expect(await harness.control.stats()).toMatchObject({ accessTokens: 0, users: 0 });
    });
  });
});
