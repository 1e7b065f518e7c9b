import { expect } from '@playwright/test';
import { labelsNamed, reportedTestResults } from './allure-report-data';
import { test } from './synthetic-reports';

const NAMES = ['epic', 'feature', 'story', 'severity', 'layer', 'parentSuite'] as const;

test('the report labels each test from allurerc.mjs defaults, what the test says and what it is', ({
  mixedReport: report,
}) => {
  expect(report.reportExitCode).toBe(0);
  const steady = reportedTestResults(report.reportDir).filter((result) =>
    result.labels.some((label) => label.name === 'suite' && label.value === 'steady.synthetic.ts'),
  );
  expect(steady.map((result) => result.status)).toEqual(['passed', 'passed', 'passed']);
  const labels = Object.fromEntries(steady.map((result) => [result.name, labelsNamed(result, NAMES)]));
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
