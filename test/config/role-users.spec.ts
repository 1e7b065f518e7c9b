import { expect, test } from '@playwright/test';
import { ROLE_NAMES, ROLES } from '../../src/config/role-users';
import { parseConfig } from '../../src/env';

const REAL = {
  TARGET_ENV: 'staging',
  GENAUTH_BASE_URL: 'https://example.genauth.ai',
  GENAUTH_APP_ID: '6500000000000000000000aa',
  GENAUTH_ACCOUNT: 'qa-designated',
  GENAUTH_PASSWORD: 'designated-secret',
  SMS_INBOX: 'http-json',
  SMS_INBOX_URL: 'http://127.0.0.1:4170/messages',
  EMAIL_INBOX: 'maildev',
  EMAIL_INBOX_URL: 'http://127.0.0.1:1080',
  FACE_PHOTO_URL: 'https://cdn.example.com/face.jpg',
};

/** A password that must never be printed: every problem is checked not to contain it. */
const SECRET = 'pw-Zq8#never-printed';
const TOKEN = 'eyJ-token-never-printed';

function problemsOf(roles: unknown, more: Record<string, string> = {}): string[] {
  const result = parseConfig({ ...REAL, ...more, GENAUTH_ROLE_USERS: JSON.stringify(roles) });
  const problems = result.ok ? [] : [...result.problems];
  for (const problem of problems) {
    expect(problem).not.toContain(SECRET);
    expect(problem).not.toContain(TOKEN);
  }
  return problems;
}

test.describe('GENAUTH_ROLE_USERS', () => {
  test('names each role user by its purpose: an account and password or an access token, and its application', () => {
    const result = parseConfig({
      ...REAL,
      GENAUTH_ROLE_USERS: JSON.stringify({
        otherApp: { account: 'qa-other-app', password: SECRET, appId: '6500000000000000000000bb' },
        factorTypesDisabled: {
          accessToken: TOKEN,
          appId: '6500000000000000000000cc',
          disabledFactorTypes: ['FACE', 'OTP'],
        },
        mfaAtSignIn: { account: 'qa-mfa', password: SECRET },
      }),
    });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.config.roleUsers).toEqual({
      otherApp: {
        credentials: { account: 'qa-other-app', password: SECRET },
        appId: '6500000000000000000000bb',
      },
      factorTypesDisabled: {
        credentials: { accessToken: TOKEN },
        appId: '6500000000000000000000cc',
        disabledFactorTypes: ['FACE', 'OTP'],
      },
      mfaAtSignIn: { credentials: { account: 'qa-mfa', password: SECRET } },
    });
  });

  test('unset, there is no role user; the mock makes its own whatever is set', () => {
    const real = parseConfig(REAL);
    expect(real.ok && real.config.roleUsers).toEqual({});
    const mock = parseConfig({ GENAUTH_ROLE_USERS: JSON.stringify({ otherApp: { account: 'x' } }) });
    expect(mock.ok ? [] : mock.problems).toEqual([
      'GENAUTH_ROLE_USERS otherApp.password is missing: set it together with account',
      `GENAUTH_ROLE_USERS otherApp.appId is missing: ${ROLES.otherApp}`,
    ]);
  });

  test('says what is wrong with a role user, field by field, without printing a secret', () => {
    expect(
      problemsOf({
        otherApp: { account: 'qa-other-app', password: SECRET },
        throttling: { accessToken: TOKEN, account: 'qa-throttled', appId: '6500000000000000000000dd' },
        mfaAtSignIn: { accessToken: TOKEN },
        withoutContact: { password: SECRET },
        resetRefused: {},
        factorTypesDisabled: {
          account: 'qa-no-factors',
          password: SECRET,
          appId: '6500000000000000000000cc',
          disabledFactorTypes: ['SMS', 'SMS', 'VOICE'],
          colour: 'blue',
        },
      }),
    ).toEqual([
      `GENAUTH_ROLE_USERS otherApp.appId is missing: ${ROLES.otherApp}`,
      expect.stringMatching(/^GENAUTH_ROLE_USERS factorTypesDisabled\.disabledFactorTypes\.2 .*"FACE"/),
      'GENAUTH_ROLE_USERS factorTypesDisabled takes no colour; its fields are account, password, accessToken, appId, disabledFactorTypes',
      'GENAUTH_ROLE_USERS withoutContact.account is missing: set it together with password',
      'GENAUTH_ROLE_USERS mfaAtSignIn.accessToken cannot stand in for a sign-in: the MFA token comes from signing in, give account and password',
      'GENAUTH_ROLE_USERS throttling gives an accessToken and an account: give one of the two',
      'GENAUTH_ROLE_USERS resetRefused needs account and password, or accessToken',
    ]);
    expect(
      problemsOf({
        factorTypesDisabled: { accessToken: TOKEN, appId: 'a', disabledFactorTypes: ['SMS', 'SMS'] },
      }),
    ).toEqual(['GENAUTH_ROLE_USERS factorTypesDisabled.disabledFactorTypes names a factor type twice']);
    expect(problemsOf({ factorTypesDisabled: { accessToken: TOKEN, appId: 'a' } })).toEqual([
      'GENAUTH_ROLE_USERS factorTypesDisabled.disabledFactorTypes is missing: the factor types the application does not enable',
    ]);
  });

  test('names a role it does not know, with the roles there are, and a value that is no JSON object', () => {
    expect(problemsOf({ adminUser: { accessToken: TOKEN } })).toEqual([
      `GENAUTH_ROLE_USERS names no role: adminUser; the roles are ${ROLE_NAMES.join(', ')}`,
    ]);
    expect(problemsOf([{ accessToken: TOKEN }])).toEqual([
      'GENAUTH_ROLE_USERS must be a JSON object of role → user',
    ]);
    const broken = parseConfig({ ...REAL, GENAUTH_ROLE_USERS: `{"otherApp": {"password": "${SECRET}"` });
    expect(broken.ok ? [] : broken.problems).toEqual([
      expect.stringMatching(/^GENAUTH_ROLE_USERS is not valid JSON; give an object such as \{"otherApp"/),
    ]);
    expect(JSON.stringify(broken)).not.toContain(SECRET);
  });

  test('keeps every role user apart: from the designated users, from each other, and from GENAUTH_APP_ID', () => {
    const other = { account: 'qa-other-app', password: SECRET, appId: '6500000000000000000000bb' };
    expect(
      problemsOf(
        {
          otherApp: { ...other, appId: REAL.GENAUTH_APP_ID },
          throttling: { account: 'qa-throttled', password: SECRET, appId: '6500000000000000000000dd' },
          factorTypesDisabled: {
            account: 'qa-no-factors',
            password: SECRET,
            appId: '6500000000000000000000dd',
            disabledFactorTypes: ['FACE'],
          },
          withoutContact: { account: 'qa-designated-2', password: SECRET },
          resetRefused: { account: 'qa-throttled', password: SECRET },
        },
        { GENAUTH_ACCOUNT_2: 'qa-designated-2', GENAUTH_PASSWORD_2: 'x' },
      ),
    ).toEqual([
      `GENAUTH_ROLE_USERS otherApp.appId is GENAUTH_APP_ID: needs ${ROLES.otherApp}, another application`,
      "GENAUTH_ROLE_USERS factorTypesDisabled.appId is the throttling role's application: its burst would throttle this role's tests; give the throttling user a user pool of its own",
      'GENAUTH_ROLE_USERS withoutContact is also GENAUTH_ACCOUNT_2: every role needs a user of its own, since tests of different roles run side by side',
      "GENAUTH_ROLE_USERS resetRefused is also the throttling role's user: every role needs a user of its own, since tests of different roles run side by side",
    ]);
  });
});
