import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'dotenv';
import { ROLE_NAMES } from '../../src/config/role-users';
import { parseConfig } from '../../src/env';
import { STAND_IN_POOL_RATE_LIMIT, standInUsers } from '../../src/rehearsal/stand-in-users';

const rehearsal = parse(readFileSync('.env.rehearsal'));
let counter = 0;
const madeUp = () => `made-up-${++counter}`;

test.describe("the stand-in's users", () => {
  test('.env.rehearsal sets up every role, and the stand-in seeds each as its role asks', () => {
    counter = 0;
    const { seedUsers, variables } = standInUsers(rehearsal, madeUp);
    const roles = JSON.parse(variables.GENAUTH_ROLE_USERS ?? '{}');
    expect(Object.keys(roles).sort()).toEqual([...ROLE_NAMES].sort());
    const seedOf = (role: string) => seedUsers.find((seed) => seed.account === roles[role].account);
    const mainApp = rehearsal.GENAUTH_APP_ID;

    expect(seedOf('otherApp')?.appId).not.toBe(mainApp);
    expect(seedOf('factorTypesDisabled')).toMatchObject({ factorTypes: [] });
    expect(seedOf('withoutContact')).toMatchObject({ appId: mainApp });
    expect(seedOf('withoutContact')).not.toHaveProperty('email');
    expect(seedOf('withoutContact')).not.toHaveProperty('phoneNumber');
    expect(seedOf('mfaAtSignIn')).toMatchObject({ appId: mainApp, signInNeedsMfa: true });
    expect(seedOf('throttling')).toMatchObject({ rateLimitPerSecond: STAND_IN_POOL_RATE_LIMIT });
    expect(seedOf('throttling')?.userPoolName).not.toBe(rehearsal.GENAUTH_USER_POOL_NAME);
    expect(seedOf('resetRefused')).toMatchObject({ appId: mainApp, refuseResetOf: ['EMAIL'] });
    expect(Number(rehearsal.THROTTLE_BURST)).toBeGreaterThan(STAND_IN_POOL_RATE_LIMIT);
    expect(rehearsal.PAYLOAD_LIMIT_BYTES, 'the body limit the stand-in is started with').toBeTruthy();

    // Every user signs in with a password made up for the run, which the suites get and nothing else holds.
    const passwords = seedUsers.map((seed) => seed.password);
    expect(new Set(passwords).size).toBe(seedUsers.length);
    expect(passwords.every((password) => password.startsWith('made-up-'))).toBe(true);
    expect(variables.GENAUTH_PASSWORD).toBe(
      seedUsers.find((seed) => seed.account === rehearsal.GENAUTH_ACCOUNT)?.password,
    );
    expect(readFileSync('.env.rehearsal', 'utf8')).not.toContain('"password"');
  });

  test('is a configuration the suites accept as a real environment', () => {
    const { variables } = standInUsers(rehearsal, madeUp);
    const result = parseConfig({
      ...rehearsal,
      ...variables,
      TARGET_ENV: 'rehearsal',
      GENAUTH_BASE_URL: 'http://127.0.0.1:4010',
      SMS_INBOX_URL: 'http://127.0.0.1:4170/messages',
      EMAIL_INBOX_URL: 'http://127.0.0.1:1080',
    });
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && Object.keys(result.config.roleUsers).sort()).toEqual([...ROLE_NAMES].sort());
  });

  test('says what is wrong with a role the stand-in cannot seed', () => {
    const withRoles =
      (roles: unknown, more: Record<string, string> = {}) =>
      () =>
        standInUsers({ ...rehearsal, ...more, GENAUTH_ROLE_USERS: JSON.stringify(roles) }, madeUp);
    expect(withRoles({ otherApp: { accessToken: 'eyJ-secret' } })).toThrow(
      /GENAUTH_ROLE_USERS gives otherApp an accessToken: the stand-in's users sign in, give an account/,
    );
    expect(withRoles({ otherApp: { account: 'x' } })).toThrow(/otherApp\.appId is missing/);
    expect(withRoles({ throttling: { account: 't', appId: 'a' } }, { THROTTLE_BURST: '5' })).toThrow(
      /serves 5 requests per second: set THROTTLE_BURST above that/,
    );
    expect(() => standInUsers({ ...rehearsal, GENAUTH_ROLE_USERS: '{"otherApp":' }, madeUp)).toThrow(
      /GENAUTH_ROLE_USERS is not valid JSON/,
    );
  });
});
