import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { labelsNamed, reportedTestResults, reportTotals } from './allure-report-data';
import { chromiumMissing, textOfFileInChromium } from './report-in-browser';
import { generateAllureReport, runSyntheticSuite, tempReportsDir } from './synthetic-run';

// One synthetic run and its report, read by both tests: serial, so they share one worker and its beforeAll.
test.describe.configure({ timeout: 300_000, mode: 'serial' });

const NAMES = ['epic', 'feature', 'story', 'severity', 'layer', 'parentSuite'] as const;

let reportDir: string;

test.beforeAll(() => {
  const reportsDir = tempReportsDir('steady-report');
  expect(runSyntheticSuite('steady', reportsDir).exitCode).toBe(0);
  const generated = generateAllureReport(reportsDir, [join(reportsDir, 'allure-results')]);
  expect(generated.exitCode, generated.output).toBe(0);
  reportDir = join(reportsDir, 'allure-report');
});

test('the report labels each test from allurerc.mjs defaults, what the test says and what it is', () => {
  const labels = Object.fromEntries(
    reportedTestResults(reportDir).map((result) => [result.name, labelsNamed(result, NAMES)]),
  );
  const common = { epic: 'MFA enrollment', layer: 'api suite', parentSuite: 'api' };
  expect(labels).toEqual({
    'SMS passes': { ...common, feature: 'SMS', story: 'a steady suite', severity: 'normal' },
    'EMAIL passes': { ...common, feature: 'EMAIL', story: 'steady delivery', severity: 'critical' },
    'a test of no factor type passes': {
      ...common,
      feature: undefined,
      story: 'a steady suite',
      severity: 'normal',
    },
  });
});

test("the report opens from disk: Debian's Chromium shows its number of tests through file://", async () => {
  const missing = chromiumMissing();
  // CI installs Chromium (.ci/run), so there the check always runs.
  if (missing && process.env.CI) throw new Error(`${missing}; .ci/run installs it`);
  test.skip(missing !== undefined, missing);
  const { total } = reportTotals(reportDir);
  expect(total).toBe(3);
  const shows = (text: string) => new RegExp(`\\bTotal\\s+${total}\\b`).test(text);
  const text = await textOfFileInChromium(join(reportDir, 'index.html'), shows);
  expect(text, 'the page as rendered').toMatch(new RegExp(`\\bTotal\\s+${total}\\b`));
  expect(text).toMatch(/\bPassed\s+3\b/);
});
