import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { prefixed } from '../errors';
import type { StepOutcome } from '../process/steps';
import { prepareAllureGenerate, QUALITY_GATE_MARKER } from './allure-cli';
import { declareReportDataEarly } from './early-report-data';
import type { ReportPaths } from './paths';

/** Where the report is, or why it could not be built. */
export type ReportOutcome =
  | { readonly ok: true; readonly index: string }
  | { readonly ok: false; readonly error: string };

export interface QualityGateVerdict {
  readonly passed: boolean;
  /** Why it failed; empty when it passed. */
  readonly summary: string;
}

const lastLine = (output: string) => output.trim().split('\n').at(-1) ?? '';

interface BuiltReport {
  readonly report: ReportOutcome;
  readonly qualityGate: QualityGateVerdict;
}

/**
 * The report of `resultsDirs` (several = shards merged into one) with allurerc.mjs, and with `qualityGate` its
 * quality gate, from one reading of the results: one index.html that opens from disk. allurerc.mjs reads the
 * run info and keeps the history under the same reports directory. Allure starts now; it reads the results on
 * `build`.
 */
function prepareReport(
  paths: ReportPaths,
  resultsDirs: readonly string[],
  qualityGate: boolean,
): { build(): Promise<BuiltReport> } {
  const prepared = prepareAllureGenerate(paths.allureReport, resultsDirs, {
    qualityGate,
    env: { REPORTS_DIR: paths.root, ALLURE_HISTORY_PATH: paths.history },
    logFile: join(paths.logs, 'allure-generate.log'),
  });
  return {
    async build() {
      const { exitCode, tail } = await prepared.build();
      const index = join(paths.allureReport, 'index.html');
      // The script prints the marker once the report is written, so a report of an earlier run never counts.
      const marker = qualityGate ? tail.lastIndexOf(QUALITY_GATE_MARKER) : -1;
      const written = (qualityGate ? marker >= 0 : exitCode === 0) && existsSync(index);
      if (!written) {
        const error = `the Allure report was not built (exit ${exitCode}): ${lastLine(tail) || 'no output'}`;
        return { report: { ok: false, error }, qualityGate: { passed: false, summary: error } };
      }
      declareReportDataEarly(index);
      const verdict = qualityGate
        ? qualityGateVerdict(exitCode, tail.slice(marker + QUALITY_GATE_MARKER.length))
        : { passed: false, summary: 'not applied' };
      return { report: { ok: true, index }, qualityGate: verdict };
    },
  };
}

/** The report of `resultsDirs`, without the quality gate. */
export async function generateAllureReport(
  paths: ReportPaths,
  resultsDirs: readonly string[],
): Promise<ReportOutcome> {
  return (await prepareReport(paths, resultsDirs, false).build()).report;
}

/** A failed rule as Allure prints it (`stringifyQualityGateResults`): `⨯ <message>  <rule id>`. */
const FAILED_RULE = /^\s*⨯\s*(.+?)(?:\s{2,}(\S+))?\s*$/;
/** An error Allure printed: a thrown error, or one a listener caught and only logged. */
const ALLURE_ERROR = /Error\b|can't execute listener/;

/**
 * The verdict of Allure's quality gate from its exit code and output. It passes only on exit 0 with no
 * error printed: a quality gate that crashed, or caught an error and went on, has not checked the rules.
 */
export function qualityGateVerdict(exitCode: number, output: string): QualityGateVerdict {
  const lines = stripVTControlCharacters(output).split('\n');
  const error = lines.find((line) => ALLURE_ERROR.test(line));
  if (error !== undefined) {
    const hint = /toArray is not a function/.test(error)
      ? " (Allure's quality gate calls Iterator.prototype.toArray, which Node.js has from version 22 on)"
      : '';
    return {
      passed: false,
      summary: `Allure's quality gate did not complete (exit ${exitCode}): ${error.trim()}${hint}`,
    };
  }
  const failedRules = lines.flatMap((line) => {
    const [, message, rule] = FAILED_RULE.exec(line) ?? [];
    return message ? [rule ? `${message} (${rule})` : message] : [];
  });
  if (exitCode === 0 && failedRules.length === 0) return { passed: true, summary: '' };
  if (failedRules.length === 0) {
    return {
      passed: false,
      summary: `Allure's quality gate exited ${exitCode} without naming a rule: ${lastLine(output) || 'no output'}`,
    };
  }
  return {
    passed: false,
    summary: `Quality Gate failed with following issues: ${failedRules.map((rule) => `⨯ ${rule}`).join(' ')}`,
  };
}

/**
 * How to open the report: the file for a browser (it opens from disk), and `npm run report:open`, which
 * serves it (with the REPORTS_DIR it is in, where that is not the default).
 */
export function howToOpenReport(paths: ReportPaths, cwd = process.cwd()): string {
  const index = join(paths.allureReport, 'index.html');
  // Relative where the reports are under the working directory; otherwise (a clone writing elsewhere) absolute.
  const fromCwd = relative(cwd, paths.root);
  const reportsDir = fromCwd.startsWith('..') ? paths.root : fromCwd;
  const serve =
    reportsDir === 'reports' ? 'npm run report:open' : `REPORTS_DIR=${reportsDir} npm run report:open`;
  return prefixed(`report: open ${pathToFileURL(index).href} in a browser, or run \`${serve}\` to serve it`);
}

/** The tests of a run by their outcome, as the report counts them. */
export interface RunCounts {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly broken: number;
  readonly skipped: number;
}

/** The totals of a generated report (its summary.json), if there is one. */
export function reportCounts(paths: Pick<ReportPaths, 'allureReport'>): RunCounts | undefined {
  const file = join(paths.allureReport, 'summary.json');
  if (!existsSync(file)) return undefined;
  const { stats = {} } = JSON.parse(readFileSync(file, 'utf8')) as { stats?: Partial<RunCounts> };
  return {
    total: stats.total ?? 0,
    passed: stats.passed ?? 0,
    failed: stats.failed ?? 0,
    broken: stats.broken ?? 0,
    skipped: stats.skipped ?? 0,
  };
}

/** The report and quality gate steps of a run, prepared before its tests end. */
export interface PreparedReportSteps {
  /** Builds the report from the results, now complete, and applies its quality gate. */
  steps(): Promise<[StepOutcome, StepOutcome]>;
}

/**
 * The "Allure report" and "quality gate" steps of a run that ends with both: the report of `resultsDirs` and
 * its quality gate, as the run's summary shows them. Started before the tests, Allure loads and reads the
 * history while they start up; both steps come from one process, and the quality gate, judged on the results
 * already read, takes no time of its own.
 */
export function prepareAllureReportSteps(
  paths: ReportPaths,
  resultsDirs: readonly string[],
): PreparedReportSteps {
  const prepared = prepareReport(paths, resultsDirs, true);
  return {
    async steps() {
      const startedAtMs = Date.now();
      const { report, qualityGate } = await prepared.build();
      const tests = report.ok ? reportCounts(paths)?.total : undefined;
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
          status: qualityGate.passed ? 'passed' : 'failed',
          detail: qualityGate.passed ? (tests === undefined ? '' : `${tests} tests`) : qualityGate.summary,
          durationMs: 0,
        },
      ];
    },
  };
}

/** The report and quality gate steps of results that are complete now. */
export function allureReportSteps(
  paths: ReportPaths,
  resultsDirs: readonly string[],
): Promise<[StepOutcome, StepOutcome]> {
  return prepareAllureReportSteps(paths, resultsDirs).steps();
}
