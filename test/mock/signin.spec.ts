import { randomBytes } from 'node:crypto';
import { EnrollFactorClient } from '../../src/client';
import { signIn } from '../../src/env/capabilities/users';
import { VirtualClocks } from '../../src/mock/clock';
import type { MockContext } from '../../src/mock/context';
import { createUser, signin } from '../../src/mock/core/users';
import { DefectSet } from '../../src/mock/defect-set';
import { MockState } from '../../src/mock/state';
import { enroll, expect, type Harness, rawRequest, test, uniqueEmail, withMock } from './fixtures';

/** The simulator's core without HTTP: what sign-in costs, apart from the network. */
function bareContext(): MockContext {
  return {
    state: new MockState(),
    clocks: new VirtualClocks(),
    defects: new DefectSet(),
    config: {
      codeLength: 6,
      enrollmentTokenTtlMs: 60_000,
      accessTokenTtlMs: 7_200_000,
      resendWindowMs: 60_000,
      defaultUserPoolName: 'GenAuthMock',
      userIdleMs: 3_600_000,
      issuer: 'genauth-mock',
      factorIds: 'user-suffixed',
      rateLimitPerSecond: 0,
      bodyLimitBytes: 65_536,
      refuseResetOf: [],
    },
    signingKey: randomBytes(32),
    deliver: () => undefined,
  };
}

function timeSignins(context: MockContext, appId: string, count: number): number {
  const body = { connection: 'PASSWORD', passwordPayload: { account: 'rehearsal', password: 'pw' } };
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    if (!signin(context, appId, body).ok) throw new Error('the seeded user could not sign in');
  }
  return performance.now() - started;
}

async function signInOver(harness: Harness, appId: string, passwordPayload: Record<string, string>) {
  const answer = await rawRequest(`${harness.mock.url}/api/v3/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-authing-app-id': appId },
    body: JSON.stringify({ connection: 'PASSWORD', passwordPayload }),
  });
  return answer.json as { statusCode: number };
}

test.describe('sign-in', () => {
  test('costs the same with 100,000 other users as with none', () => {
    const context = bareContext();
    const { user } = createUser(context, { account: 'rehearsal', password: 'pw' }, { sweepable: false });
    timeSignins(context, user.appId, 500);
    const alone = timeSignins(context, user.appId, 2_000);
    for (let i = 0; i < 100_000; i++)
      createUser(context, { email: `u${i}@example.test` }, { sweepable: true });
    const crowded = timeSignins(context, user.appId, 2_000);
    // A scan of every user costs milliseconds per sign-in here; a lookup stays near the first figure.
    expect(
      crowded / alone,
      `${alone.toFixed(1)} ms alone, ${crowded.toFixed(1)} ms among 100,000`,
    ).toBeLessThan(3);
  });

  test('finds a seeded user by an email it bound after start-up, and picks the user of the app', async () => {
    const seeds = [
      { account: 'first', password: 'pw-1', factorTypes: ['EMAIL' as const] },
      { account: 'second', password: 'pw-2', email: 'shared@example.test' },
    ];
    await withMock({ seedUsers: seeds }, async (harness) => {
      const [first, second] = harness.mock.seededUsers;
      const email = 'shared@example.test';
      expect(await signInOver(harness, first!.appId, { email, password: 'pw-1' })).toMatchObject({
        statusCode: 403,
      });
      const accessToken = await signIn(harness.mock.url, first!.appId, {
        account: 'first',
        password: 'pw-1',
      });
      const client = new EnrollFactorClient({ baseUrl: harness.mock.url, appId: first!.appId, accessToken });
      await enroll(
        harness,
        { ...first!, accessToken, idToken: '', mfaToken: '', email, phoneNumber: '', client },
        'EMAIL',
      );
      expect(await signInOver(harness, first!.appId, { email, password: 'pw-1' })).toMatchObject({
        statusCode: 200,
      });
      expect(await signInOver(harness, second!.appId, { email, password: 'pw-2' })).toMatchObject({
        statusCode: 200,
      });
      expect(
        await signInOver(harness, second!.appId, { email: uniqueEmail(), password: 'pw-2' }),
      ).toMatchObject({
        statusCode: 403,
      });
    });
  });
});
