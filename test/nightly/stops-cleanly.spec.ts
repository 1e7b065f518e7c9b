import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'dotenv';
import { standInUsers } from '../../src/rehearsal/stand-in-users';
import { runScript } from '../nested-run';
import { filesUnder } from '../report/synthetic-run';

/** A reports directory holding what a previous nightly left: its report, results, history and logs. */
function previousRun(): { reportsDir: string; snapshot: () => Record<string, string> } {
  const reportsDir = mkdtempSync(join(tmpdir(), 'nightly-previous-'));
  const files: Record<string, string> = {
    'allure-report/index.html': '<html>the last nightly</html>',
    'allure-results/1-result.json': '{"name":"a test of the last nightly","status":"passed"}',
    'history/history.jsonl': '{"run":"last"}\n',
    'junit/nightly-1.xml': '<testsuites/>',
    'logs/nightly-1.log': 'the last nightly',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(reportsDir, file, '..'), { recursive: true });
    writeFileSync(join(reportsDir, file), text);
  }
  const snapshot = () =>
    Object.fromEntries(
      filesUnder(reportsDir).map((file) => [file.slice(reportsDir.length + 1), readFileSync(file, 'utf8')]),
    );
  return { reportsDir, snapshot };
}

/** A complete rehearsal configuration, as the rehearsal gives it, pointed at `baseUrl`. */
const rehearsalTarget = (baseUrl: string) => ({
  TARGET_ENV: 'rehearsal',
  GENAUTH_BASE_URL: baseUrl,
  SMS_INBOX_URL: 'http://127.0.0.1:4170/messages',
  EMAIL_INBOX_URL: 'http://127.0.0.1:4180',
  ...standInUsers(parse(readFileSync('.env.rehearsal')), () => 'made-up-for-this-test').variables,
});

const STEPS_AFTER = ['reset the designated users', 'catalog observations', 'quality gate', 'summary post'];

test.describe('a nightly that cannot run', () => {
  for (const [what, env, message] of [
    [
      'whose target cannot be reached',
      rehearsalTarget('http://127.0.0.1:9'),
      'environment unavailable: GENAUTH_BASE_URL=http://127.0.0.1:9 ',
    ],
    [
      'whose TARGET_ENV names no .env file',
      { TARGET_ENV: 'stagng' },
      'TARGET_ENV=stagng names no file: .env.stagng is not in',
    ],
  ] as const) {
    test(`a nightly ${what} stops at once with one message and exit code 2, and keeps the last report`, async () => {
      const previous = previousRun();
      const before = previous.snapshot();
      const started = Date.now();
      const { exitCode, output } = await runScript('cli/nightly.ts', [], {
        env: { ...env, REPORTS_DIR: previous.reportsDir, FORCE_COLOR: '0' },
        without: /^(GENAUTH_|SMS_|EMAIL_|ALLURE_|NOTIFY_|TARGET_ENV$|MOCK_)/,
        timeoutMs: 60_000,
      });
      const seconds = (Date.now() - started) / 1000;
      expect(exitCode, output).toBe(2);
      expect(seconds, 'it stops within 10 s').toBeLessThan(10);
      expect(output.split(message), `said once: ${message}\n${output}`).toHaveLength(2);
      for (const step of STEPS_AFTER) expect(output).not.toContain(step);
      expect(output).not.toMatch(/^\s+at /m);
      expect(previous.snapshot(), 'the last report, results, history and logs are as they were').toEqual(
        before,
      );
    });
  }
});
