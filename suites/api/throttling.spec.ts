import { expect, scenario, test } from '../../fixtures';
import { roleNeeded } from '../../src/env';

const WINDOW_MS = 1_000;

test.describe('throttling', () => {
  // A 429 retried by the transport (as the nightly run does) would hide the throttling this test provokes.
  test.use({ touches: [], transportRetries: 0 });

  test(
    'a burst over the rate limit is throttled with HTTP 429, and the API serves again after the window',
    scenario({ scenario: 'throttling', defects: ['no-throttling', 'throttle-as-success'] }),
    async ({ environment, clientAs, expectFailure, testData }) => {
      const { throttling, ownPoolUsers: users } = environment;
      test.skip(!throttling, 'set THROTTLE_BURST where provoking the rate limit is safe');
      test.skip(!users, roleNeeded('throttling'));
      if (!throttling || !users) return;
      const user = await users.acquire({
        touches: [],
        email: testData.email(),
        rateLimitPerSecond: throttling.perSecond,
      });
      try {
        const client = clientAs(user);
        const answers = await Promise.all(
          Array.from({ length: throttling.burst }, () => client.attempt('listFactorsToEnroll', {})),
        );
        const throttled = answers.filter((answer) => !answer.ok);
        expect(
          throttled.length,
          `some of ${throttling.burst} requests at once are throttled`,
        ).toBeGreaterThan(0);
        for (const answer of throttled) await expectFailure(answer, 'throttled');
        await environment.clock.advance(user, WINDOW_MS);
        expect(
          (await client.attempt('listFactorsToEnroll', {})).ok,
          'served once the window has passed',
        ).toBe(true);
      } finally {
        await users.release(user);
      }
    },
  );
});
