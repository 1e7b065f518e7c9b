import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FidelityReport } from '../src/fidelity/verdict';
import { timeCommand } from './support/commands';

export interface CleanRehearsals {
  readonly runs: number;
  /** Runs that exited 0. */
  readonly passed: number;
  /** Findings of every run, added up: 0 when a clean stand-in answers as the mock. */
  readonly differences: number;
  /** Scenarios compared in each run. */
  readonly compared: readonly number[];
  /** Scenarios not compared, added up. */
  readonly notCompared: number;
  readonly wallMs: readonly number[];
}

/**
 * `npm run rehearsal` `runs` times with nothing planted (`MOCK_CATALOG_OVERRIDES` and `MOCK_SHAPE_OVERRIDES`
 * blank), so both sides are the same mock: every difference the fidelity check reports is noise of the check.
 */
export async function measureCleanRehearsals(logDir: string, runs: number): Promise<CleanRehearsals> {
  const outcomes: { exitCode: number; wallMs: number; report?: FidelityReport }[] = [];
  for (let k = 1; k <= runs; k += 1) {
    const reportsDir = join(logDir, 'fidelity', `run-${k}`);
    const run = await timeCommand('npm', ['run', 'rehearsal'], {
      env: { MOCK_CATALOG_OVERRIDES: '', MOCK_SHAPE_OVERRIDES: '', REPORTS_DIR: reportsDir },
      logFile: join(logDir, 'fidelity', `run-${k}.log`),
    });
    const file = join(reportsDir, 'fidelity.json');
    const report = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FidelityReport) : undefined;
    outcomes.push({ ...run, report });
  }
  return {
    runs,
    passed: outcomes.filter((outcome) => outcome.exitCode === 0 && outcome.report).length,
    differences: outcomes.reduce((sum, outcome) => sum + (outcome.report?.findings.length ?? 0), 0),
    compared: outcomes.map((outcome) => outcome.report?.scenarios.compared ?? 0),
    notCompared: outcomes.reduce((sum, outcome) => sum + (outcome.report?.notCompared.length ?? 0), 0),
    wallMs: outcomes.map((outcome) => outcome.wallMs),
  };
}
