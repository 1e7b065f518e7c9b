import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReporterDescription } from '@playwright/test';
import type { Env } from '../config/parsers';
import { readVariables } from '../config/schema';
import { reportPaths } from './paths';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * The reporter pipeline of every run: redaction first (later reporters see its output), then the list
 * reporter on the terminal and the notices tests leave for it (what tests print stays off the terminal:
 * `quiet` in playwright.config.ts; Allure and JUnit keep it with each test), JUnit XML, Allure results, when
 * `HARNESS_FAILURES_FILE` is set the list of failed tests with their causes, and the catalog coverage of
 * the run's API tests.
 *
 * Paths: `REPORTS_DIR` (default `reports`), `ALLURE_RESULTS_DIR` (default `<REPORTS_DIR>/allure-results`),
 * `PLAYWRIGHT_JUNIT_OUTPUT_FILE` (default `<REPORTS_DIR>/junit/results.xml`).
 */
export function harnessReporters(env: Env = process.env): ReporterDescription[] {
  const paths = reportPaths(env);
  const files = readVariables(env, [
    'PLAYWRIGHT_JUNIT_OUTPUT_FILE',
    'HARNESS_FAILURES_FILE',
    'HARNESS_TIMINGS_FILE',
  ]);
  return [
    [here('./redacting-reporter.ts')],
    ['list'],
    [here('./notices-reporter.ts')],
    ['junit', { outputFile: files.PLAYWRIGHT_JUNIT_OUTPUT_FILE ?? join(paths.junitDir, 'results.xml') }],
    [here('./allure-reporter.ts'), { resultsDir: paths.allureResults, detail: false }],
    [here('./failures-reporter.ts'), { outputFile: files.HARNESS_FAILURES_FILE }],
    [here('./coverage-reporter.ts'), { outputFile: paths.catalogCoverage }],
    // Per-test and per-step times for `npm run bench` (attachments are redacted by then, and not kept).
    ...(files.HARNESS_TIMINGS_FILE
      ? [['json', { outputFile: files.HARNESS_TIMINGS_FILE }] as ReporterDescription]
      : []),
  ];
}
