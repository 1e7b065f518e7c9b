import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'dotenv';
import { standInUsers } from '../../src/rehearsal/stand-in-users';
import { runApiProject } from './api-project-run';

test.describe('a run with a required variable missing', () => {
  test.describe.configure({ mode: 'serial' });

  test('stops before any test with one message listing every problem and pointing to .env.example', async () => {
    const { status, output } = await runApiProject({ TARGET_ENV: 'nightly-without-config' });
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
    expect(output, 'a mistyped TARGET_ENV shows').toMatch(
      /TARGET_ENV=nightly-without-config names no file: \.env\.nightly-without-config is not in .*, and the files there are: .*\.env\.rehearsal/,
    );
    expect(output.match(/\[enroll-factor-harness\] The configuration/g)).toHaveLength(1);
    expect(output).not.toMatch(/\d+ (passed|failed)/);
    expect(output).not.toMatch(/^\s+at /m);
  });

  test('names the one variable that is missing from an otherwise complete profile', async () => {
    const { status, output } = await runApiProject({
      TARGET_ENV: 'rehearsal',
      GENAUTH_APP_ID: '',
      // What the rehearsal script passes at run time: its stand-ins' addresses and the users' passwords.
      GENAUTH_BASE_URL: 'http://127.0.0.1:4110',
      SMS_INBOX_URL: 'http://127.0.0.1:4170/messages',
      EMAIL_INBOX_URL: 'http://127.0.0.1:4180',
      ...standInUsers(parse(readFileSync('.env.rehearsal')), () => 'made-up-for-this-test').variables,
    });
    expect(status).toBe(1);
    const problems = output.split('\n').filter((line) => line.startsWith('  - '));
    expect(problems).toEqual(['  - GENAUTH_APP_ID is missing: the application ID, sent as x-authing-app-id']);
    expect(output).toContain('.env or .env.rehearsal');
    expect(output).not.toMatch(/\d+ (passed|failed)/);
  });

  test('an unknown provider defect is one configuration problem, not "No tests found"', async () => {
    const { status, output } = await runApiProject({ MOCK_DEFECTS: 'made-up', EXPIRY_MARGIN_MS: '0x3c' });
    expect(status, output).toBe(1);
    expect(output).toContain(
      '[enroll-factor-harness] The configuration for TARGET_ENV=mock is incomplete or invalid:',
    );
    const problems = output.split('\n').filter((line) => line.startsWith('  - '));
    expect(problems).toEqual([
      expect.stringMatching(
        /^ {2}- EXPIRY_MARGIN_MS must be a whole number of at least 1, written in digits$/,
      ),
      expect.stringMatching(/^ {2}- MOCK_DEFECTS unknown mock defect\(s\): made-up/),
    ]);
    expect(output).not.toContain('No tests found');
    expect(output).not.toMatch(/\d+ (passed|failed)/);
  });
});
