import { expect, test } from '@playwright/test';
import { EnrollFactorClient } from '../../src/client';
import { ROLES } from '../../src/config/role-users';
import { createEnvironment, type Environment, loadConfig, roleNeeded } from '../../src/env';
import { type RunningMock, startMock } from '../../src/mock/server';

const MAIN_APP = '6500000000000000000000aa';
const OTHER_APP = '6500000000000000000000bb';
const NO_FACE_APP = '6500000000000000000000cc';

/** A tenant as a team sets it up: the designated user, and a user for some roles, each as its role asks. */
const SEEDS = [
  { account: 'designated', password: 'pw-d', email: 'designated@example.test', appId: MAIN_APP },
  { account: 'other-app', password: 'pw-o', email: 'other@example.test', appId: OTHER_APP },
  {
    account: 'no-face',
    password: 'pw-f',
    email: 'no-face@example.test',
    appId: NO_FACE_APP,
    factorTypes: ['OTP' as const, 'SMS' as const, 'EMAIL' as const],
  },
  { account: 'asked-for-mfa', password: 'pw-m', appId: MAIN_APP, signInNeedsMfa: true },
];

const ROLE_USERS = {
  otherApp: { account: 'other-app', password: 'pw-o', appId: OTHER_APP },
  factorTypesDisabled: {
    account: 'no-face',
    password: 'pw-f',
    appId: NO_FACE_APP,
    disabledFactorTypes: ['FACE'],
  },
  mfaAtSignIn: { account: 'asked-for-mfa', password: 'pw-m' },
};

function realEnvironment(mock: RunningMock, roles: unknown): Promise<Environment> {
  const config = loadConfig({
    TARGET_ENV: 'staging',
    GENAUTH_BASE_URL: mock.url,
    GENAUTH_APP_ID: MAIN_APP,
    GENAUTH_ACCOUNT: 'designated',
    GENAUTH_PASSWORD: 'pw-d',
    GENAUTH_ROLE_USERS: JSON.stringify(roles),
    SMS_INBOX: 'static',
    SMS_STATIC_CODE: '123456',
    EMAIL_INBOX: 'static',
    EMAIL_STATIC_CODE: '123456',
    FACE_PHOTO_URL: 'https://cdn.example.com/face.jpg',
  });
  return createEnvironment(config, { baseUrl: mock.url });
}

test.describe('users for one purpose on a real environment', () => {
  let mock: RunningMock;
  test.beforeAll(async () => {
    mock = await startMock({ control: false, seedUsers: SEEDS });
  });
  test.afterAll(async () => {
    await mock.close();
  });

  test('each role set up is a user of its own, signed in to its own application', async () => {
    const environment = await realEnvironment(mock, ROLE_USERS);
    const otherApp = environment.otherAppUsers;
    const stranger = await otherApp?.acquire({ touches: [] });
    expect(stranger?.appId).toBe(OTHER_APP);
    const listed = await new EnrollFactorClient({
      baseUrl: mock.url,
      appId: OTHER_APP,
      accessToken: stranger?.accessToken ?? '',
    }).attempt('listFactorsToEnroll', {});
    expect(listed.ok, "the role user's token opens its own application").toBe(true);
    if (stranger) await otherApp?.release(stranger);

    const appWithout = environment.appWithoutFactorTypes;
    expect(appWithout?.disabled).toEqual(['FACE']);
    const noFace = await appWithout?.users.acquire({ touches: ['FACE'] });
    expect(noFace?.appId).toBe(NO_FACE_APP);
    if (noFace) await appWithout?.users.release(noFace);

    const signedIn = await environment.mfaSignIn?.();
    expect(signedIn?.appId).toBe(MAIN_APP);
    const withMfaToken = await new EnrollFactorClient({
      baseUrl: mock.url,
      appId: MAIN_APP,
      accessToken: signedIn?.mfaToken ?? '',
    }).attempt('listFactorsToEnroll', {});
    expect(withMfaToken.ok, 'an MFA token is no access token').toBe(false);
  });

  test('a role left out is absent, and its skip names the role and where to set it', async () => {
    const environment = await realEnvironment(mock, { otherApp: ROLE_USERS.otherApp });
    expect(environment.otherAppUsers).toBeDefined();
    for (const absent of [
      environment.appWithoutFactorTypes,
      environment.usersWithoutContact,
      environment.mfaSignIn,
      environment.resetRefusals,
      environment.ownPoolUsers,
    ]) {
      expect(absent).toBeUndefined();
    }
    expect(roleNeeded('withoutContact')).toBe(
      `needs ${ROLES.withoutContact}: set one up and name it "withoutContact" in GENAUTH_ROLE_USERS (docs/environments.md, "Users for one purpose")`,
    );
  });

  test('a role user that cannot sign in, or is not asked for MFA, is named with where it is set', async () => {
    const environment = await realEnvironment(mock, {
      otherApp: { ...ROLE_USERS.otherApp, password: 'wrong' },
      mfaAtSignIn: { account: 'no-face', password: 'pw-f', appId: NO_FACE_APP },
    });
    await expect(environment.otherAppUsers?.acquire({ touches: [] }) ?? Promise.resolve()).rejects.toThrow(
      /signing in as other-app .* failed: statusCode 403: .* Check "otherApp" in GENAUTH_ROLE_USERS/,
    );
    await expect(environment.mfaSignIn?.() ?? Promise.resolve()).rejects.toThrow(
      /handed out an access token, not an MFA token .*"mfaAtSignIn" in GENAUTH_ROLE_USERS/,
    );
  });
});
