import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { labelsNamed, reportedTestResults } from './allure-report-data';
import { generateAllureReport, runSyntheticSuite, tempReportsDir } from './synthetic-run';

test.describe.configure({ timeout: 300_000 });

const NAMES = ['epic', 'feature', 'story', 'severity', 'layer', 'parentSuite'] as const;

test('the report labels each test from allurerc.mjs defaults, what the test says and what it is', () => {
  const reportsDir = tempReportsDir('labels');
  expect(runSyntheticSuite('steady', reportsDir).exitCode).toBe(0);
  expect(generateAllureReport(reportsDir, [join(reportsDir, 'allure-results')]).exitCode).toBe(0);

  const labels = Object.fromEntries(
    reportedTestResults(join(reportsDir, 'allure-report')).map((result) => [
      result.name,
      labelsNamed(result, NAMES),
    ]),
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
