import './iterator-helpers.mjs';
import { join } from 'node:path';
import {
  AllureReport,
  filterFailedQualityGateResults,
  readConfig,
  stringifyQualityGateResults,
} from '@allurereport/core';
import type { ReportPaths } from './paths';
import type { StepOutcome } from './pipeline';

export interface AllureOutcome {
  /** Where the report is, or why it could not be built. */
  readonly report:
    | { readonly ok: true; readonly index: string }
    | { readonly ok: false; readonly error: string };
  /** The quality gate of allurerc.mjs over the same results; absent when not asked for. */
  readonly qualityGate?: { readonly passed: boolean; readonly summary: string };
}

/**
 * Builds the Allure report of `resultsDirs` (several = shards merged into one) with allurerc.mjs and, when
 * asked, applies its quality gate to the same results: one pass in this process, where the Allure CLI
 * would read every result twice in two processes.
 */
export async function buildAllureReport(
  paths: ReportPaths,
  resultsDirs: readonly string[],
  options: { readonly qualityGate: boolean },
): Promise<AllureOutcome> {
  let report: AllureReport;
  try {
    const config = await readConfig(process.cwd(), 'allurerc.mjs', { output: paths.allureReport });
    report = new AllureReport(config);
    await report.start();
    for (const dir of resultsDirs) await report.readDirectory(dir);
    await report.done();
  } catch (error) {
    return { report: { ok: false, error: (error as Error).message } };
  }
  const built = { ok: true as const, index: join(paths.allureReport, 'index.html') };
  if (!options.qualityGate) return { report: built };
  const tests = await report.store.allTestResults({ includeRetries: false });
  const { results } = await report.validate({ trs: tests });
  const failed = filterFailedQualityGateResults(results);
  return {
    report: built,
    qualityGate: {
      passed: failed.length === 0,
      summary: failed.length === 0 ? `${tests.length} tests` : stringifyQualityGateResults(failed),
    },
  };
}

/**
 * The "Allure report" and "quality gate" steps of a run that ends with both: the report of `resultsDirs`
 * and its quality gate, as the run's summary shows them.
 */
export async function allureReportSteps(
  paths: ReportPaths,
  resultsDirs: readonly string[],
): Promise<[StepOutcome, StepOutcome]> {
  const startedAtMs = Date.now();
  const { report, qualityGate } = await buildAllureReport(paths, resultsDirs, { qualityGate: true });
  return [
    {
      name: 'Allure report',
      status: report.ok ? 'passed' : 'failed',
      detail: report.ok ? report.index : `the report could not be built: ${report.error}`,
      durationMs: Date.now() - startedAtMs,
      startedAtMs,
    },
    {
      name: 'quality gate',
      status: qualityGate?.passed ? 'passed' : 'failed',
      detail: qualityGate?.summary.split('\n').slice(0, 3).join(' ') ?? 'no report, so no quality gate',
      durationMs: 0,
    },
  ];
}
