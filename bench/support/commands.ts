import { readFileSync } from 'node:fs';
import { run } from '../../src/process/run';
import { type PlaywrightJsonReport, reportedTests } from '../../src/report/playwright-json';

export interface TimedRun {
  readonly exitCode: number;
  readonly wallMs: number;
}

/** Runs a command to completion (`env` laid over this process's), its output into `logFile`, and times it. */
export async function timeCommand(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; logFile: string },
): Promise<TimedRun> {
  const started = performance.now();
  const { exitCode } = await run(command, args, options);
  return { exitCode, wallMs: performance.now() - started };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Test durations, the durations of each test's top-level steps, the span from the first test's start to the
 * last one's end, and the run's duration.
 */
export function readJsonReport(file: string): {
  durations: number[];
  stepDurations: number[][];
  statuses: string[];
  spanMs: number;
  runMs: number;
} {
  const report = JSON.parse(readFileSync(file, 'utf8')) as PlaywrightJsonReport;
  const results = reportedTests(report).flatMap((test) => test.results);
  const starts = results.map((result) => Date.parse(result.startTime ?? ''));
  const ends = results.map((result, index) => (starts[index] ?? 0) + (result.duration ?? 0));
  return {
    durations: results.map((result) => result.duration ?? 0),
    stepDurations: results.map((result) => (result.steps ?? []).map((step) => step.duration)),
    statuses: results.map((result) => result.status),
    spanMs: results.length ? Math.max(...ends) - Math.min(...starts) : 0,
    runMs: report.stats?.duration ?? 0,
  };
}
