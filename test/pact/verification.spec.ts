import { expect, test } from '@playwright/test';
import type { TestUser, UserProvider } from '../../src/env';
import { pactSettingsFrom } from '../../src/pact/config';
import { PROVIDER_STATES } from '../../src/pact/interactions/states';
import { ProviderStates, wrongCodeFor } from '../../src/pact/provider-states';
import { authenticatingFilter, type FilteredRequest, mismatchesOf } from '../../src/pact/verification';

test('a wrong code differs from every accepted code and keeps their length', () => {
  const accepted = ['123456', '234567', '345678'];
  const wrong = wrongCodeFor(accepted);
  expect(accepted).not.toContain(wrong);
  expect(wrong).toMatch(/^\d{6}$/);
});

test("the state's user is released even when releasing the other user fails", async () => {
  const released: string[] = [];
  const provider = (name: string, release: () => Promise<void>): UserProvider => ({
    isolated: false,
    idTokens: false,
    acquire: async () => ({ accessToken: `${name}-token`, appId: 'app-1' }),
    release: async (user: TestUser) => {
      released.push(user.accessToken);
      await release();
    },
  });
  const states = new ProviderStates({
    users: provider('main', async () => {}),
    otherUsers: provider('other', async () => {
      throw new Error('the other user still has FACE bound');
    }),
    clock: { virtual: true, now: async () => 0, advance: async () => {} },
    enrollmentTokenTtlMs: 60_000,
    expiryMarginMs: 1_000,
    kitFor: () =>
      ({
        bind: async () => ({}),
        boundFactor: async () => ({ factorId: 'face-1' }),
      }) as never,
  });
  await states.setUp(PROVIDER_STATES.othersBoundFactor, { factorType: 'FACE' });
  await expect(states.tearDown()).rejects.toThrow('the other user still has FACE bound');
  expect(released).toEqual(['other-token', 'main-token']);
  expect(states.active).toBeUndefined();
});

/** The request filter with a user whose fresh credentials are `fresh-token-1234` and `app-1`. */
const filterForFreshUser = () =>
  authenticatingFilter({
    active: {
      name: 'a user who can enroll a factor',
      user: { accessToken: 'fresh-token-1234', appId: 'app-1' },
      values: {},
    },
  });

test('the request filter swaps the placeholder credentials for the active user, and adds none', () => {
  const filter = filterForFreshUser();
  const withToken: FilteredRequest = {
    headers: { authorization: 'Bearer example-access-token', 'x-authing-app-id': 'example-app-id' },
  };
  const withoutToken: FilteredRequest = { headers: { 'x-authing-app-id': 'example-app-id' } };
  let calls = 0;
  filter(withToken, undefined, () => calls++);
  filter(withoutToken, undefined, () => calls++);
  expect(calls).toBe(2);
  expect(withToken.headers).toEqual({
    authorization: 'Bearer fresh-token-1234',
    'x-authing-app-id': 'app-1',
  });
  expect(withoutToken.headers.authorization).toBeUndefined();
});

test('the request filter keeps the way the pact calls: the bare token stays bare, x-genauth-app-id stays', () => {
  const filter = filterForFreshUser();
  const bare: FilteredRequest = {
    headers: { authorization: 'example-access-token', 'x-genauth-app-id': 'example-app-id' },
  };
  filter(bare, undefined, () => undefined);
  expect(bare.headers).toEqual({ authorization: 'fresh-token-1234', 'x-genauth-app-id': 'app-1' });
});

test("the verifier's JSON report becomes one line per mismatch, secrets redacted", () => {
  const report = JSON.stringify({
    errors: [
      {
        interaction: 'x',
        mismatch: {
          type: 'mismatches',
          mismatches: [
            { type: 'BodyMismatch', path: '$.statusCode', mismatch: "Expected '200' to match '^4\\d\\d$'" },
            {
              type: 'BodyMismatch',
              path: '$.data',
              mismatch: 'Expected {"enrollmentToken":"abcdefghijkl1"}',
            },
          ],
        },
      },
    ],
  });
  const mismatches = mismatchesOf(new Error(report));
  expect(mismatches[0]).toEqual({ path: '$.statusCode', problem: "Expected '200' to match '^4\\d\\d$'" });
  expect(mismatches[1]?.problem).not.toContain('abcdefghijkl1');
});

test('pact names are configurable and checked', () => {
  expect(pactSettingsFrom({})).toMatchObject({
    consumer: 'mfa-enrollment-app',
    provider: 'genauth-authentication-api',
    logLevel: 'warn',
  });
  expect(pactSettingsFrom({ PACT_CONSUMER_NAME: 'web-app' }).consumer).toBe('web-app');
  expect(() => pactSettingsFrom({ PACT_PROVIDER_NAME: 'has space' })).toThrow(/PACT_PROVIDER_NAME/);
  expect(() => pactSettingsFrom({ PACT_CONSUMER_NAME: 'a', PACT_PROVIDER_NAME: 'a' })).toThrow(
    /two different/,
  );
  expect(() => pactSettingsFrom({ PACT_LOG_LEVEL: 'loud' })).toThrow(/PACT_LOG_LEVEL/);
});
