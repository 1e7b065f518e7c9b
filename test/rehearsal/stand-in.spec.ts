import { expect, test } from '@playwright/test';
import { cleanStandInEnvironment } from '../../src/rehearsal/stand-in';

test.describe('the stand-in', () => {
  test("a clean stand-in for a tenant's run keeps its seed and account names, and nothing else of the tenant", () => {
    const tenant = {
      PATH: '/usr/bin',
      TARGET_ENV: 'staging',
      FAKER_SEED: '1234',
      GENAUTH_BASE_URL: 'https://staging.example.genauth.ai',
      GENAUTH_ACCOUNT: 'mfa-user-1',
      GENAUTH_PASSWORD: 'tenant-password',
      GENAUTH_ACCOUNT_2: 'mfa-user-2',
      GENAUTH_PASSWORD_2: 'tenant-password-2',
      GENAUTH_OTHER_ACCESS_TOKEN: 'tenant-token',
      SMS_INBOX: 'static',
      SMS_STATIC_CODE: '000000',
      ENROLLMENT_TOKEN_TTL_SECONDS: '60',
      MOCK_CATALOG_OVERRIDES: '{"wrongPassCode":{"statusCode":409}}',
      NIGHTLY_ENV_RETRIES: '2',
    };
    const clean = cleanStandInEnvironment(tenant);
    expect(clean).toMatchObject({
      PATH: '/usr/bin',
      TARGET_ENV: 'rehearsal',
      FAKER_SEED: '1234',
      GENAUTH_ACCOUNT: 'mfa-user-1',
      GENAUTH_ACCOUNT_2: 'mfa-user-2',
      ENROLLMENT_TOKEN_TTL_SECONDS: '4',
      SMS_INBOX: 'http-json',
      EMAIL_INBOX: 'maildev',
      NIGHTLY_ENV_RETRIES: '2',
      MOCK_CATALOG_OVERRIDES: '',
      MOCK_SHAPE_OVERRIDES: '',
    });
    // Blank, so no .env file brings the tenant's values back.
    for (const name of [
      'GENAUTH_BASE_URL',
      'GENAUTH_PASSWORD',
      'GENAUTH_PASSWORD_2',
      'GENAUTH_OTHER_ACCESS_TOKEN',
      'SMS_STATIC_CODE',
    ]) {
      expect(clean[name], name).toBe('');
    }
    expect(
      clean.GENAUTH_OTHER_ACCOUNT,
      "the tenant's other user is a token, so the rehearsal's account stands in",
    ).toBe('rehearsal-other-user');
    expect(JSON.stringify(clean)).not.toMatch(/tenant-(password|token)|000000|staging\.example/);
    const alone = cleanStandInEnvironment({ TARGET_ENV: 'staging', GENAUTH_ACCESS_TOKEN: 'tenant-token' });
    expect(alone.GENAUTH_ACCOUNT, "a tenant's users by token: the rehearsal's accounts stand in").toBe(
      'rehearsal-user',
    );
    expect(alone.GENAUTH_OTHER_ACCOUNT, 'a tenant without another user: none on the mock side either').toBe(
      '',
    );
  });
});
