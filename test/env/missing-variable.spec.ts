import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/** Runs the api project in a child Playwright with the given variables, as a user would start it. */
function runApiProject(variables: Record<string, string>) {
  const scratch = mkdtempSync(join(tmpdir(), 'harness-missing-variable-'));
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(GENAUTH_|SMS_|EMAIL_|FACE_|TEST_|PW_|PLAYWRIGHT_|TARGET_ENV$|MOCK_)/.test(name),
    ),
  );
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/@playwright/test/cli.js',
      'test',
      '--project=api',
      '--reporter=list',
      `--output=${scratch}/out`,
    ],
    {
      env: { ...inherited, REPORTS_DIR: scratch, ...variables },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

test.describe('a run with a required variable missing', () => {
  test.describe.configure({ mode: 'serial' });

  test('stops before any test with one message listing every problem and pointing to .env.example', () => {
    const { status, output } = runApiProject({ TARGET_ENV: 'nightly-without-config' });
    expect(status).toBe(1);
    expect(output).toContain(
      '[enroll-factor-harness] The configuration for TARGET_ENV=nightly-without-config is incomplete or invalid:',
    );
    for (const variable of [
      'GENAUTH_BASE_URL',
      'GENAUTH_APP_ID',
      'GENAUTH_ACCESS_TOKEN',
      'FACE_PHOTO_URL',
      'SMS_INBOX',
      'EMAIL_INBOX',
    ]) {
      expect(output).toMatch(new RegExp(`^  - ${variable} `, 'm'));
    }
    expect(output).toContain('.env.example describes every variable');
    expect(output.match(/\[enroll-factor-harness\] The configuration/g)).toHaveLength(1);
    expect(output).not.toMatch(/\d+ (passed|failed)/);
    expect(output).not.toMatch(/^\s+at /m);
  });

  test('names the one variable that is missing from an otherwise complete profile', () => {
    const { status, output } = runApiProject({
      TARGET_ENV: 'rehearsal',
      GENAUTH_APP_ID: '',
      // What the rehearsal script passes at run time.
      GENAUTH_PASSWORD: 'made-up-for-this-test',
      GENAUTH_PASSWORD_2: 'made-up-for-this-test',
      GENAUTH_OTHER_PASSWORD: 'made-up-for-this-test',
    });
    expect(status).toBe(1);
    const problems = output.split('\n').filter((line) => line.startsWith('  - '));
    expect(problems).toEqual(['  - GENAUTH_APP_ID is missing: the application ID, sent as x-authing-app-id']);
    expect(output).toContain('.env or .env.rehearsal');
    expect(output).not.toMatch(/\d+ (passed|failed)/);
  });
});
