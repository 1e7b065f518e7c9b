import { randomBytes } from 'node:crypto';
import { EnrollFactorClient } from '../../src/client';
import { ERROR_CATALOG, LoginTokenRespDtoSchema, MfaRequiredRespSchema } from '../../src/contract';
import { signIn, signInForMfaToken } from '../../src/env/capabilities/sign-in';
import { VirtualClocks } from '../../src/mock/clock';
import type { MockContext } from '../../src/mock/context';
import { createUser, signin } from '../../src/mock/core/users';
import { DefectSet } from '../../src/mock/defect-set';
import { resolveMockOptions } from '../../src/mock/options';
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

async function signInOver(harness: Harness, appId: string, passwordPayload: Record<string, string>) {
  const answer = await rawRequest(`${harness.mock.url}/api/v3/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-authing-app-id': appId },
    body: JSON.stringify({ connection: 'PASSWORD', passwordPayload }),
  });
  return answer.json as { statusCode: number };
}

test.describe('sign-in', () => {
  test('finds the user by name among a thousand others without walking the users', () => {
    const context = bareContext();
    const { user } = createUser(context, { account: 'rehearsal', password: 'pw' }, { sweepable: false });
    for (let i = 0; i < 1_000; i++) createUser(context, { email: `u${i}@example.test` }, { sweepable: true });
    // A sign-in that scanned every user would cost time in proportion to them: it must not touch the list.
    const walked = () => {
      throw new Error('sign-in walked the list of users');
    };
    const users = context.state.users;
    for (const method of ['values', 'entries', 'keys', 'forEach', Symbol.iterator] as const)
      Object.defineProperty(users, method, { value: walked, configurable: true });
    const body = { connection: 'PASSWORD', passwordPayload: { account: 'rehearsal', password: 'pw' } };
    expect(signin(context, user.appId, body).ok).toBe(true);
    expect(
      signin(context, user.appId, {
        ...body,
        passwordPayload: { email: 'u999@example.test', password: 'x' },
      }),
    ).toMatchObject({ ok: false });
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

test.describe('sign-in that asks for MFA', () => {
  test('hands out an MFA token with apiCode 1636 instead of tokens, and the token opens no factor endpoint', async () => {
    const seeds = [{ account: 'asked', password: 'pw-mfa', signInNeedsMfa: true }];
    await withMock({ seedUsers: seeds }, async (harness) => {
      const [seeded] = harness.mock.seededUsers;
      const appId = seeded?.appId ?? '';
      const answer = await signInOver(harness, appId, { account: 'asked', password: 'pw-mfa' });
      const parsed = MfaRequiredRespSchema.parse(answer);
      expect(parsed).toMatchObject({ statusCode: 401, apiCode: 1636 });
      expect(LoginTokenRespDtoSchema.safeParse(answer).success, 'no access token').toBe(false);
      const client = new EnrollFactorClient({
        baseUrl: harness.mock.url,
        appId,
        accessToken: parsed.data.mfaToken,
      });
      const listed = await client.attempt('listFactorsToEnroll', {});
      expect(listed.ok ? 'accepted' : listed.error.statusCode).toBe(401);
      // A wrong password is still a wrong password.
      expect(await signInOver(harness, appId, { account: 'asked', password: 'wrong' })).toMatchObject({
        statusCode: 403,
        apiCode: 2333,
      });
    });
  });

  test('is what the harness signs in for, and what it refuses for a user the tests act as', async () => {
    const credentials = { account: 'asked', password: 'pw-mfa' };
    await withMock(
      {
        seedUsers: [
          { ...credentials, signInNeedsMfa: true },
          { account: 'plain', password: 'pw' },
        ],
      },
      async (harness) => {
        const appId = harness.mock.seededUsers[0]?.appId ?? '';
        expect(await signInForMfaToken(harness.mock.url, appId, credentials, 'the role')).toEqual(
          expect.any(String),
        );
        await expect(signIn(harness.mock.url, appId, credentials)).rejects.toThrow(
          /signing in as asked at .* failed: it asks for MFA \(apiCode 1636\), so it hands out no access token/,
        );
        const plainApp = harness.mock.seededUsers[1]?.appId ?? '';
        await expect(
          signInForMfaToken(
            harness.mock.url,
            plainApp,
            { account: 'plain', password: 'pw' },
            '"mfaAtSignIn" in GENAUTH_ROLE_USERS',
          ),
        ).rejects.toThrow(
          /it handed out an access token, not an MFA token .*does not ask this user for MFA at sign-in.*"mfaAtSignIn" in GENAUTH_ROLE_USERS/,
        );
      },
    );
  });

  test('is set up through the control plane only for a user that signs in', async () => {
    await withMock({}, async (harness) => {
      const refused = await rawRequest(`${harness.mock.url}/__mock/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ signInNeedsMfa: true }),
      });
      expect(JSON.stringify(refused.json)).toContain('signInNeedsMfa');
      expect(refused.status).toBe(400);
    });
  });
});

test.describe('seed users set up for one purpose', () => {
  test("a seed user's pool of its own is throttled at its own limit, and no other pool", async () => {
    const seeds = [
      { account: 'plain', password: 'pw-1', email: 'plain@example.test' },
      {
        account: 'throttled',
        password: 'pw-2',
        userPoolName: 'ThrottledPool',
        rateLimitPerSecond: 2,
      },
    ];
    await withMock({ seedUsers: seeds, control: false }, async ({ mock }) => {
      const [plain, throttled] = mock.seededUsers;
      expect(throttled?.userPoolName).toBe('ThrottledPool');
      const clientOf = async (appId: string, account: string, password: string) =>
        new EnrollFactorClient({
          baseUrl: mock.url,
          appId,
          accessToken: await signIn(mock.url, appId, { account, password }),
        });
      const limited = await clientOf(throttled?.appId ?? '', 'throttled', 'pw-2');
      const free = await clientOf(plain?.appId ?? '', 'plain', 'pw-1');
      const burst = async (client: EnrollFactorClient) =>
        (
          await Promise.all(Array.from({ length: 8 }, () => client.attempt('listFactorsToEnroll', {})))
        ).filter((answer) => !answer.ok).length;
      expect(await burst(limited), 'the own pool is throttled').toBeGreaterThan(0);
      expect(await burst(free), 'the other pool is not').toBe(0);
    });
  });

  test('reset-factor refuses what a seed user says it refuses', async () => {
    const seed = { account: 'refused', password: 'pw', email: 'refused@example.test' };
    await withMock({ seedUsers: [{ ...seed, refuseResetOf: ['EMAIL'] }] }, async (harness) => {
      const [seeded] = harness.mock.seededUsers;
      const appId = seeded?.appId ?? '';
      const accessToken = await signIn(harness.mock.url, appId, seed);
      const client = new EnrollFactorClient({ baseUrl: harness.mock.url, appId, accessToken });
      const user = {
        ...seeded!,
        accessToken,
        idToken: '',
        mfaToken: '',
        email: uniqueEmail(),
        phoneNumber: '',
        client,
      };
      await enroll(harness, user, 'EMAIL');
      const [factor] = await client.listEnrolledFactors();
      const reset = await client.attempt('resetFactor', { factorId: factor?.factorId ?? '' });
      expect(reset.ok ? 'reset' : reset.error.statusCode).toBe(ERROR_CATALOG.factorResetRefused.statusCode);
    });
  });

  test('a seed user asks for a pool of its own to carry a rate limit of its own', () => {
    expect(() =>
      resolveMockOptions({ seedUsers: [{ account: 'a', password: 'pw', rateLimitPerSecond: 2 }] }),
    ).toThrow(/seedUsers\.0\.rateLimitPerSecond.*name a pool of its own with userPoolName/);
  });
});
