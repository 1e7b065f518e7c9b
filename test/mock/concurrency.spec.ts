import { FACTOR_TYPES } from '../../src/contract';
import { enroll, expect, type MockUser, test, withMock } from './fixtures';

const USERS = 200;

test('200 users enrolling at once all find their own factors listed and nobody else’s', async () => {
  test.setTimeout(120_000);
  await withMock({ rateLimitPerSecond: 0 }, async (harness) => {
    const users: MockUser[] = await Promise.all(Array.from({ length: USERS }, () => harness.newUser()));
    const plans = users.map((user, index) => ({
      user,
      factorType: FACTOR_TYPES[index % FACTOR_TYPES.length]!,
    }));

    const results = await Promise.allSettled(
      plans.map(({ user, factorType }) => enroll(harness, user, factorType)),
    );
    const failures = results.filter((result) => result.status === 'rejected');
    expect(failures, String((failures[0] as PromiseRejectedResult | undefined)?.reason)).toEqual([]);

    const listings = await Promise.all(plans.map(({ user }) => user.client.listEnrolledFactors()));
    for (const [index, listed] of listings.entries()) {
      const { user, factorType } = plans[index]!;
      expect(listed.map((factor) => [factor.factorType, factor.factorId])).toEqual([
        [
          factorType,
          `${user.userId}|${{ SMS: 'phone', EMAIL: 'email', OTP: 'otp', FACE: 'face' }[factorType]}`,
        ],
      ]);
      const profile = listed[0]!.profile;
      if (factorType === 'SMS') expect(profile?.phoneNumber).toBe(user.phoneNumber);
      if (factorType === 'EMAIL') expect(profile?.email).toBe(user.email);
    }
    expect((await harness.control.stats()).boundFactors).toBe(USERS);
  });
});
