import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { HEAVY } from '../heavy';
import { reportedTestResults } from './allure-report-data';
import { test } from './synthetic-reports';
import { filesUnder } from './synthetic-run';

interface RawResult {
  readonly name: string;
  readonly historyId: string;
  readonly testCaseId: string;
}

/** Test name → the ids allure-playwright wrote for it. */
function rawIds(resultsDir: string): Record<string, { historyId: string; testCaseId: string }> {
  const results = filesUnder(resultsDir)
    .filter((file) => file.endsWith('-result.json'))
    .map((file) => JSON.parse(readFileSync(file, 'utf8')) as RawResult);
  return Object.fromEntries(
    results.map(({ name, historyId, testCaseId }) => [name, { historyId, testCaseId }]),
  );
}

test(
  'a test keeps one Allure history whichever Playwright project runs it',
  HEAVY,
  ({ mixedReport: first, steadyReport: second }) => {
    // The steady suite ran in project `api` among other suites, then alone in project `provider`, whose
    // report read the history the first report wrote.
    expect(second.exitCode, second.output).toBe(0);
    expect(second.reportExitCode).toBe(0);
    const inProvider = rawIds(second.resultsDir);
    expect(Object.keys(inProvider)).toHaveLength(3);
    const inApi = rawIds(first.resultsDir);
    expect(Object.fromEntries(Object.keys(inProvider).map((name) => [name, inApi[name]]))).toEqual(
      inProvider,
    );

    const reported = reportedTestResults(second.reportDir);
    for (const result of reported) {
      expect(result.parameters, result.name).toContainEqual(
        expect.objectContaining({ name: 'Project', value: 'provider', excluded: true }),
      );
      expect(result.history, `${result.name}: the first run in its history`).toHaveLength(1);
    }
    expect(reported).toHaveLength(3);
  },
);
