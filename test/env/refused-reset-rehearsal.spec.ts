import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { type PlaywrightJsonReport, reportedTests } from '../../src/report/playwright-json';
import { HEAVY } from '../heavy';
import { runScript } from '../nested-run';

/**
 * A stand-in that refuses to reset SMS factors, as GenAuth's documentation once said it would, met by the
 * SMS tests through the real-environment path: one finding per designated user (the factor, the user, the
 * answer), and every other test that would bind SMS on them skipped with that finding, not failed on
 * "already bound".
 */
/** Five SMS tests that bind a factor: two meet the refusal, one on each designated user; the rest cannot run. */
const SMS_TESTS = [
  'suites/api/full-flow.spec.ts',
  'suites/api/duplicate-binding.spec.ts',
  'suites/api/ownership.spec.ts',
];

test(
  'a refused SMS reset is one finding per designated user, and the SMS tests after it are skipped',
  HEAVY,
  async ({}, testInfo) => {
    test.setTimeout(240_000);
    const reportFile = testInfo.outputPath('report.json');
    // One worker (the rehearsal's default is four): the tests meet the two designated users one after the other.
    await runScript(
      'cli/rehearsal.ts',
      ['--tests-only', ...SMS_TESTS, '--grep', '@sms', '--reporter=json', '--workers=1'],
      {
        env: {
          MOCK_REFUSE_RESET: 'SMS',
          REPORTS_DIR: testInfo.outputPath('reports'),
          PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile,
        },
        without: /^MOCK_/,
      },
    );
    const tests = reportedTests(JSON.parse(readFileSync(reportFile, 'utf8')) as PlaywrightJsonReport);
    const last = (t: (typeof tests)[number]) => t.results.at(-1);
    const failed = tests.filter((t) => last(t)?.status === 'failed');
    const skipped = tests.filter((t) => last(t)?.status === 'skipped');

    // The finding, as the designated user's release states it: the factor, the user and the answer.
    const findings = failed.map(
      (t) =>
        (last(t)?.errors ?? [])
          .map((error) => error.message ?? '')
          .find((message) => message.includes('reset-factor refused to unbind')) ?? '',
    );
    expect(findings).toEqual([
      expect.stringMatching(
        /the SMS \S+ factor of rehearsal-user(-2)? after the test that bound it: it answered statusCode 400/,
      ),
      expect.stringMatching(
        /the SMS \S+ factor of rehearsal-user(-2)? after the test that bound it: it answered statusCode 400/,
      ),
    ]);
    expect(new Set(findings.map((finding) => /of (rehearsal-user(-2)?) /.exec(finding)?.[1])).size).toBe(2);
    const reasons = skipped
      .flatMap((t) => [...t.annotations, ...(last(t)?.annotations ?? [])])
      .filter((annotation) => annotation.type === 'skip')
      .map((annotation) => annotation.description ?? '');
    expect(
      reasons.filter((reason) => reason.startsWith('no designated user can take a test that binds SMS')),
    ).not.toEqual([]);
    for (const reason of reasons.filter((r) => r.startsWith('no designated user'))) {
      expect(reason).toMatch(/reset-factor refused to unbind the SMS .* of rehearsal-user/);
    }
  },
);
