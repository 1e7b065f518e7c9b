import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { oncePerRun } from '../once-per-run';
import { generateAllureReport, runSyntheticSuite, tempReportsDir } from './synthetic-run';

export interface SyntheticReport {
  /** REPORTS_DIR of the run: results, JUnit, traces, logs and the Allure report. */
  readonly reportsDir: string;
  readonly resultsDir: string;
  readonly reportDir: string;
  /** The exit code of the Playwright run. */
  readonly exitCode: number;
  /** Its output as Playwright wrote it, before any redaction on the way here. */
  readonly output: string;
  /** The exit code of `npm run report`. */
  readonly reportExitCode: number;
}

async function syntheticReport(
  name: string,
  suites: string,
  env: NodeJS.ProcessEnv,
  beforeReport: (reportsDir: string, output: string) => void = () => undefined,
): Promise<SyntheticReport> {
  const reportsDir = tempReportsDir(name);
  const resultsDir = join(reportsDir, 'allure-results');
  const { exitCode, output } = await runSyntheticSuite(suites, reportsDir, { env });
  beforeReport(reportsDir, output);
  const report = await generateAllureReport(reportsDir, [resultsDir]);
  return {
    reportsDir,
    resultsDir,
    reportDir: join(reportsDir, 'allure-report'),
    exitCode,
    output,
    reportExitCode: report.exitCode,
  };
}

/**
 * One nested run, in project `api`, of the synthetic suites the report self-tests read, and its Allure
 * report: one failure of each cause (categories), three steady tests (labels, history), and provider
 * answers full of planted secrets with traces on (redaction), its terminal output kept in
 * `logs/playwright-output.log`. Made once per run of the self-tests, whichever test asks first.
 */
export function mixedReport(): Promise<SyntheticReport> {
  return oncePerRun('mixed-report', () =>
    syntheticReport(
      'mixed',
      '(categories|steady|secrets)',
      { SYNTHETIC_TRACE: 'on' },
      (reportsDir, output) => {
        mkdirSync(join(reportsDir, 'logs'), { recursive: true });
        writeFileSync(join(reportsDir, 'logs', 'playwright-output.log'), output);
      },
    ),
  );
}

/**
 * The steady suite alone, run again in project `provider`, reported with the history of the mixed report:
 * the same tests under another project (history), three passing tests (quality gate).
 */
export function steadyReport(): Promise<SyntheticReport> {
  return oncePerRun('steady-report', async () => {
    const first = await mixedReport();
    return syntheticReport('steady', 'steady', { SYNTHETIC_PROJECT: 'provider' }, (reportsDir) => {
      mkdirSync(join(reportsDir, 'history'), { recursive: true });
      copyFileSync(
        join(first.reportsDir, 'history', 'history.jsonl'),
        join(reportsDir, 'history', 'history.jsonl'),
      );
    });
  });
}

/** The report self-tests' fixtures: the two synthetic reports, shared by every file that reads them. */
export const test = base.extend<object, { mixedReport: SyntheticReport; steadyReport: SyntheticReport }>({
  mixedReport: [async ({}, use) => use(await mixedReport()), { scope: 'worker', timeout: 300_000 }],
  steadyReport: [async ({}, use) => use(await steadyReport()), { scope: 'worker', timeout: 300_000 }],
});
