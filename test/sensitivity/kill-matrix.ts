import { namedDefects, PROVOKED_DEFECT, provokedTitle } from '../../fixtures/sensitivity';
import { DEFECTS, type DefectId } from '../../src/mock/defects';
import {
  type JsonAnnotation,
  type PlaywrightJsonReport,
  type ReportedTest,
  reportedTests,
} from '../../src/report/playwright-json';

export type JsonReport = PlaywrightJsonReport;

export const CLEAN = 'clean';
export type Suite = 'api' | 'provider';
/** `claimed`: each test under the defects it names; `full`: every test under every defect. */
export type SensitivityMode = 'claimed' | 'full';

/** Project names of the sensitivity run: `<suite>@clean`, `<suite>@<defect id>` and `api@claimed`. */
export function projectName(suite: Suite, run: string): string {
  return `${suite}@${run}`;
}

/** The project of the claimed run: its tests, and their copies under a named defect (`PROVOKED_DEFECT`). */
export const CLAIMED = 'claimed';

/** The run of a provoked copy that failed before its defect was switched on: not a measurement. */
export const NOT_PROVOKED = 'not provoked';

export interface TestOutcome {
  readonly suite: Suite;
  /** `clean` or the defect the mock shipped. */
  readonly run: string;
  readonly title: string;
  /** Passed or skipped. */
  readonly passed: boolean;
  /** The status of the test's last attempt. */
  readonly status?: string;
  /** Defect ids the test says it guards against. */
  readonly guards: readonly string[];
  /** Declared and added while the last attempt ran (catalog entries, decisions). */
  readonly annotations: readonly JsonAnnotation[];
  /** The first line of the error a failed test ended with. */
  readonly error?: string;
}

/** What a test declared, and what its last attempt added while it ran. */
function annotationsOf(test: ReportedTest): JsonAnnotation[] {
  return [...(test.results.at(-1)?.annotations ?? []), ...test.annotations];
}

/**
 * The suite, run and title of a reported test: its project's run, or in the claimed run the defect its copy
 * was provoked with (the title is then the original test's).
 */
function runOf(test: ReportedTest): { suite: Suite; run: string; title: string } {
  const [suite, project = ''] = test.projectName.split('@') as [Suite, string];
  const title = test.titlePath.filter(Boolean).join(' › ');
  if (project !== CLAIMED) return { suite, run: project, title };
  const last = test.results.at(-1);
  const defect = annotationsOf(test).find((annotation) => annotation.type === PROVOKED_DEFECT)?.description;
  if (!defect) return { suite, run: CLEAN, title };
  const original = title.slice(0, title.length - provokedTitle('', defect).length);
  const failedUnexpectedly =
    test.expectedStatus !== 'failed' && last?.status !== 'passed' && last?.status !== 'skipped';
  return { suite, run: failedUnexpectedly ? NOT_PROVOKED : defect, title: original };
}

/** One outcome per test and run. */
export function outcomesOf(report: JsonReport): TestOutcome[] {
  return reportedTests(report).map((test) => {
    const { suite, run, title } = runOf(test);
    const last = test.results.at(-1);
    const annotations = annotationsOf(test);
    return {
      suite,
      run,
      title,
      passed: last?.status === 'passed' || last?.status === 'skipped',
      status: last?.status,
      guards: namedDefects(annotations),
      annotations,
      ...(last?.error?.message ? { error: last.error.message.split('\n')[0] } : {}),
    };
  });
}

export interface DefectRow {
  readonly defect: DefectId;
  readonly description: string;
  /** API tests that failed with the defect switched on. */
  readonly caughtByApi: readonly string[];
  /** Provider-verification tests (pact interactions) that failed with the defect switched on (full mode). */
  readonly caughtByProvider: readonly string[];
  /** API tests that name this defect. */
  readonly guardedBy: readonly string[];
  /** Tests that name this defect but passed with it switched on: a check that does not catch what it claims. */
  readonly guardsThatMissed: readonly string[];
  /** Provider-verification tests (interactions) that name this defect. */
  readonly guardedByProvider: readonly string[];
}

export interface KillMatrix {
  readonly mode: SensitivityMode;
  readonly clean: { readonly tests: number; readonly failed: readonly string[] };
  readonly defects: readonly DefectRow[];
  readonly caught: number;
  readonly caughtPercent: number;
  readonly problems: readonly string[];
}

export function killMatrix(
  outcomes: readonly TestOutcome[],
  defects: readonly DefectId[],
  mode: SensitivityMode = 'full',
): KillMatrix {
  const clean = outcomes.filter((o) => o.run === CLEAN);
  const label = (o: TestOutcome) => o.title;
  const rows = defects.map((defect): DefectRow => {
    const runs = outcomes.filter((o) => o.run === defect);
    const guarding = (suite: Suite) =>
      clean.filter((o) => o.suite === suite && o.guards.includes(defect)).map(label);
    const failed = (suite: Suite) => new Set(runs.filter((o) => o.suite === suite && !o.passed).map(label));
    const [guardedBy, guardedByProvider] = [guarding('api'), guarding('provider')];
    const [failedApi, failedProvider] = [failed('api'), failed('provider')];
    return {
      defect,
      description: DEFECTS[defect].description,
      caughtByApi: [...failedApi],
      caughtByProvider: [...failedProvider],
      guardedBy,
      guardedByProvider,
      guardsThatMissed: [
        ...guardedBy.filter((title) => !failedApi.has(title)),
        ...guardedByProvider.filter((title) => !failedProvider.has(title)),
      ],
    };
  });

  const problems: string[] = [];
  if (clean.length === 0) problems.push('the clean run ran no test');
  for (const failure of clean.filter((o) => !o.passed)) {
    problems.push(`false alarm: "${failure.title}" (${failure.suite}) fails against the faithful mock`);
  }
  for (const failure of outcomes.filter((o) => o.run === NOT_PROVOKED)) {
    problems.push(
      `"${failure.title}" failed before its defect was switched on: ${failure.error ?? 'no error message'}`,
    );
  }
  for (const row of rows) {
    if (row.caughtByApi.length === 0) problems.push(`defect ${row.defect} is caught by no API test`);
    if (row.guardedBy.length === 0) problems.push(`defect ${row.defect} is named by no API scenario`);
    for (const title of row.guardsThatMissed) {
      problems.push(`"${title}" names defect ${row.defect} but passes with it switched on`);
    }
  }
  const caught = rows.filter((row) => row.caughtByApi.length > 0).length;
  return {
    mode,
    clean: { tests: clean.length, failed: clean.filter((o) => !o.passed).map(label) },
    defects: rows,
    caught,
    caughtPercent: defects.length === 0 ? 100 : (caught / defects.length) * 100,
    problems,
  };
}

/** A table for terminals and the report: one line per defect with the number of tests that caught it. */
export function formatKillMatrix(matrix: KillMatrix): string {
  const width = Math.max(...matrix.defects.map((row) => row.defect.length), 'defect'.length);
  const provider = (row: DefectRow) => String(row.caughtByProvider.length);
  const lines = [
    `${'defect'.padEnd(width)}  api  provider  verdict`,
    ...matrix.defects.map(
      (row) =>
        `${row.defect.padEnd(width)}  ${String(row.caughtByApi.length).padStart(3)}  ${provider(row).padStart(
          8,
        )}  ${row.caughtByApi.length > 0 && row.guardsThatMissed.length === 0 ? 'caught' : 'MISSED'}`,
    ),
    '',
    `clean run: ${matrix.clean.tests} tests, ${matrix.clean.failed.length} false alarms`,
    `defects caught: ${matrix.caught}/${matrix.defects.length} (${matrix.caughtPercent.toFixed(0)}%)`,
    matrix.mode === 'full'
      ? 'mode full: every test under every defect'
      : 'mode claimed: each API test and pact interaction under the defects it names (SENSITIVITY_MODE=full for every test under every defect)',
  ];
  return lines.join('\n');
}
