import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { reportedTestResults } from './allure-report-data';
import { filesUnder, generateAllureReport, runSyntheticSuite, tempReportsDir } from './synthetic-run';

test.describe.configure({ timeout: 300_000 });

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

test('a test keeps one Allure history whichever Playwright project runs it', () => {
  // One reports directory, so one history file: the second report reads the first run's history.
  const reportsDir = tempReportsDir('history');
  const run = (project: string) => {
    const resultsDir = join(reportsDir, `${project}-results`);
    const env = { SYNTHETIC_PROJECT: project, ALLURE_RESULTS_DIR: resultsDir };
    expect(runSyntheticSuite('steady', reportsDir, { env }).exitCode).toBe(0);
    rmSync(join(reportsDir, 'allure-report'), { recursive: true, force: true });
    expect(generateAllureReport(reportsDir, [resultsDir]).exitCode).toBe(0);
    return resultsDir;
  };

  const inGate = rawIds(run('gate'));
  const inProvider = rawIds(run('provider'));
  expect(Object.keys(inGate)).toHaveLength(3);
  expect(inProvider).toEqual(inGate);

  const second = reportedTestResults(join(reportsDir, 'allure-report'));
  for (const result of second) {
    expect(result.parameters, result.name).toContainEqual(
      expect.objectContaining({ name: 'Project', value: 'provider', excluded: true }),
    );
    expect(result.history, `${result.name}: the gate run in its history`).toHaveLength(1);
  }
  expect(second).toHaveLength(3);
});
