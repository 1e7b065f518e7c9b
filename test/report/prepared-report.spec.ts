import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { start } from '../../src/process/run';
import { prepareAllureReportSteps, reportCounts } from '../../src/report/allure-report';
import { reportPaths } from '../../src/report/paths';
import { writeAllureResult } from '../../src/report/synthetic-result';
import { tempReportsDir } from './synthetic-run';

const ALLURE_GENERATE = fileURLToPath(new URL('../../src/report/allure-generate.mjs', import.meta.url));

const passed = (name: string) => ({
  name,
  status: 'passed' as const,
  startMs: Date.now(),
  stopMs: Date.now() + 1,
  layer: 'selftest',
});

test('a report prepared before the tests reads the results they write after it started', async () => {
  const paths = reportPaths({ REPORTS_DIR: tempReportsDir('prepared') });
  mkdirSync(paths.allureResults, { recursive: true });
  const prepared = prepareAllureReportSteps(paths, [paths.allureResults]);
  // Allure has loaded and read the history by now, well before the results exist.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  for (const name of ['first', 'second', 'third']) writeAllureResult(paths.allureResults, passed(name));
  const [report, qualityGate] = await prepared.steps();
  expect(report.status, report.detail).toBe('passed');
  expect(reportCounts(paths)?.total).toBe(3);
  // The quality gate expects 100 tests unless told otherwise: three are too few.
  expect(qualityGate.status).toBe('failed');
  expect(qualityGate.detail).toContain(
    'The total number of tests 3 is less than the expected threshold value 100',
  );
});

test('a prepared report whose run ends before its results are ready exits without a report', async () => {
  const paths = reportPaths({ REPORTS_DIR: tempReportsDir('abandoned') });
  const { child, result } = start(
    process.execPath,
    [ALLURE_GENERATE, '--output', paths.allureReport, '--wait', paths.allureResults],
    { input: true, capture: true, env: { REPORTS_DIR: paths.root } },
  );
  child.stdin?.end();
  const { exitCode, output } = await result;
  expect(output).toContain('the run ended before its results were ready');
  expect(exitCode).toBe(2);
  expect(reportCounts(paths)).toBeUndefined();
});
