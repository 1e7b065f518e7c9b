import { join } from 'node:path';
import { expect } from '@playwright/test';
import { HEAVY } from '../heavy';
import { labelsNamed, reportedTestResults, reportTotals } from './allure-report-data';
import { chromiumMissing, textOfFileInChromium } from './report-in-browser';
import { test } from './synthetic-reports';

const NAMES = ['epic', 'feature', 'story', 'severity', 'layer', 'parentSuite'] as const;

test(
  'the report labels each test from allurerc.mjs defaults, what the test says and what it is',
  HEAVY,
  ({ mixedReport: report }) => {
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
  },
);

test(
  "the report opens from disk: Debian's Chromium shows its number of tests through file://",
  HEAVY,
  async ({ steadyReport: report }) => {
    test.setTimeout(120_000);
    const missing = chromiumMissing();
    // CI installs Chromium (.ci/run), so there the check always runs.
    if (missing && process.env.CI) throw new Error(`${missing}; .ci/run installs it`);
    test.skip(missing !== undefined, missing);
    expect(report.reportExitCode).toBe(0);
    const { total, passed } = reportTotals(report.reportDir);
    expect([total, passed]).toEqual([3, 3]);
    const shows = (text: string) => new RegExp(`\\bTotal\\s+${total}\\b`).test(text);
    const text = await textOfFileInChromium(join(report.reportDir, 'index.html'), shows, 100_000);
    expect(text, 'the page as rendered').toMatch(new RegExp(`\\bTotal\\s+${total}\\b`));
    expect(text).toMatch(/\bPassed\s+3\b/);
  },
);
