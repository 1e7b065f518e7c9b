import { expect, test } from '@playwright/test';
import { parseConfig } from '../../src/env';

const REAL = {
  TARGET_ENV: 'staging',
  GENAUTH_BASE_URL: 'https://example.genauth.ai/',
  GENAUTH_APP_ID: 'app',
  GENAUTH_ACCOUNT: 'tester',
  GENAUTH_PASSWORD: 'secret',
  SMS_INBOX: 'http-json',
  SMS_INBOX_URL: 'http://127.0.0.1:4170/messages',
  EMAIL_INBOX: 'maildev',
  EMAIL_INBOX_URL: 'http://127.0.0.1:1080',
  FACE_PHOTO_URL: 'https://cdn.example.com/face.jpg',
};

const problemsOf = (env: Record<string, string | undefined>) => {
  const result = parseConfig(env);
  return result.ok ? [] : result.problems;
};

test.describe('the user of its own for the journeys through every factor type', () => {
  test('is read as an account and password, or as an access token, and is optional', () => {
    const signedIn = parseConfig({
      ...REAL,
      GENAUTH_MULTIFACTOR_ACCOUNT: 'journeys',
      GENAUTH_MULTIFACTOR_PASSWORD: 'pw',
    });
    expect(signedIn.ok && signedIn.config.multiFactorUser).toEqual({ account: 'journeys', password: 'pw' });
    const token = parseConfig({ ...REAL, GENAUTH_MULTIFACTOR_ACCESS_TOKEN: 'eyJ.token' });
    expect(token.ok && token.config.multiFactorUser).toEqual({ accessToken: 'eyJ.token' });
    const none = parseConfig(REAL);
    expect(none.ok && none.config.multiFactorUser).toBeUndefined();
  });

  test('an account without its password is refused, naming both variables', () => {
    expect(problemsOf({ ...REAL, GENAUTH_MULTIFACTOR_ACCOUNT: 'journeys' })).toEqual([
      'GENAUTH_MULTIFACTOR_ACCOUNT and GENAUTH_MULTIFACTOR_PASSWORD must be set together',
    ]);
  });

  test('a designated user of the pool is refused: the journeys would hold all its factor types', () => {
    for (const pooled of [
      { GENAUTH_MULTIFACTOR_ACCOUNT: 'tester', GENAUTH_MULTIFACTOR_PASSWORD: 'pw' },
      {
        GENAUTH_ACCOUNT_2: 'second',
        GENAUTH_PASSWORD_2: 'pw2',
        GENAUTH_MULTIFACTOR_ACCOUNT: 'second',
        GENAUTH_MULTIFACTOR_PASSWORD: 'pw2',
      },
    ]) {
      const problems = problemsOf({ ...REAL, ...pooled });
      expect(problems, JSON.stringify(pooled)).toHaveLength(1);
      expect(problems[0]).toMatch(/^GENAUTH_MULTIFACTOR_ACCOUNT is also a designated user of the pool/);
    }
  });
});
