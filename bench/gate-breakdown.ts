import { readFileSync } from 'node:fs';
import type { PlaywrightJsonReport } from '../src/report/playwright-json';

interface Step {
  readonly title: string;
  readonly duration: number;
  readonly steps?: readonly Step[];
}

interface TimedResult {
  readonly duration: number;
  readonly startTime: string;
  readonly workerIndex: number;
  readonly steps?: readonly Step[];
}

interface TimedSuite {
  readonly specs?: readonly {
    readonly file: string;
    readonly tests: readonly { readonly results: readonly TimedResult[] }[];
  }[];
  readonly suites?: readonly TimedSuite[];
}

/** Where the time of one Playwright run goes, from its JSON report (per-test and per-step times). */
export interface RunBreakdown {
  /** Epoch ms the run started (after the runner loaded its config). */
  readonly startedAtMs: number;
  readonly runMs: number;
  /** From the run's start to its first test: runner start-up, global setup, test listing, workers. */
  readonly startupMs: number;
  /** From the last test's end to the run's end: global teardown, reporters. */
  readonly wrapUpMs: number;
  readonly workers: number;
  readonly tests: number;
  /** Per suite (the folder under suites/): tests and the sum of their durations. */
  readonly suites: Readonly<Record<string, { readonly tests: number; readonly testMs: number }>>;
  /**
   * Per test, averaged: the API's answers (request sent to response read, from the exchange steps' titles),
   * reporting them (the exchange steps: redaction and attachments), and the rest (fixtures: a user of its
   * own, a request context; assertions; Playwright's steps).
   */
  readonly perTestMs: {
    readonly total: number;
    readonly apiAnswers: number;
    readonly reportingExchanges: number;
    readonly rest: number;
    /** Between one test's end and the next one's start on the same worker: the runner's own work. */
    readonly betweenTests: number;
  };
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

export function breakDownRun(file: string): RunBreakdown {
  const report = JSON.parse(readFileSync(file, 'utf8')) as PlaywrightJsonReport & {
    suites: readonly TimedSuite[];
    stats: { startTime: string; duration: number };
  };
  const rows: { suite: string; result: TimedResult }[] = [];
  const walk = (suite: TimedSuite) => {
    for (const spec of suite.specs ?? []) {
      const parts = spec.file.split('/');
      const name = parts[0] === 'suites' ? (parts[1] ?? 'other') : (parts[0] ?? 'other');
      for (const test of spec.tests) for (const result of test.results) rows.push({ suite: name, result });
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites) walk(suite);

  const runStart = Date.parse(report.stats.startTime);
  const start = (r: TimedResult) => Date.parse(r.startTime);
  const end = (r: TimedResult) => start(r) + r.duration;
  const suites: Record<string, { tests: number; testMs: number }> = {};
  for (const { suite, result } of rows) {
    const entry = suites[suite] ?? { tests: 0, testMs: 0 };
    suites[suite] = { tests: entry.tests + 1, testMs: entry.testMs + result.duration };
  }
  const byWorker = new Map<number, TimedResult[]>();
  for (const { result } of rows)
    byWorker.set(result.workerIndex, [...(byWorker.get(result.workerIndex) ?? []), result]);
  let between = 0;
  for (const results of byWorker.values()) {
    results.sort((a, b) => start(a) - start(b));
    for (let i = 1; i < results.length; i++)
      between += Math.max(0, start(results[i]!) - end(results[i - 1]!));
  }
  const exchanges = rows.flatMap(({ result }) => {
    const found: Step[] = [];
    const visit = (steps: readonly Step[] = []) => {
      for (const step of steps) {
        if (step.title.includes(' → ')) found.push(step);
        else visit(step.steps);
      }
    };
    visit(result.steps);
    return found;
  });
  const answersMs = sum(exchanges.map((step) => Number(/\((\d+) ms\)$/.exec(step.title)?.[1] ?? 0)));
  const reportingMs = sum(exchanges.map((step) => step.duration));
  const n = Math.max(rows.length, 1);
  const total = sum(rows.map(({ result }) => result.duration));
  const firstStart = Math.min(...rows.map(({ result }) => start(result)));
  const lastEnd = Math.max(...rows.map(({ result }) => end(result)));
  return {
    startedAtMs: runStart,
    runMs: report.stats.duration,
    startupMs: firstStart - runStart,
    wrapUpMs: runStart + report.stats.duration - lastEnd,
    workers: byWorker.size,
    tests: rows.length,
    suites,
    perTestMs: {
      total: total / n,
      apiAnswers: answersMs / n,
      reportingExchanges: reportingMs / n,
      rest: (total - answersMs - reportingMs) / n,
      betweenTests: between / n,
    },
  };
}

/** Mean test duration of the first and the last third of a run, in the order the tests started. */
export function costDrift(file: string): {
  firstThirdMs: number;
  lastThirdMs: number;
  ratio: number;
  tests: number;
} {
  const report = JSON.parse(readFileSync(file, 'utf8')) as { suites: readonly TimedSuite[] };
  const results: TimedResult[] = [];
  const walk = (suite: TimedSuite) => {
    for (const spec of suite.specs ?? []) for (const test of spec.tests) results.push(...test.results);
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites) walk(suite);
  results.sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
  const third = Math.floor(results.length / 3);
  const mean = (slice: readonly TimedResult[]) =>
    sum(slice.map((r) => r.duration)) / Math.max(slice.length, 1);
  const firstThirdMs = mean(results.slice(0, third));
  const lastThirdMs = mean(results.slice(-third));
  return { firstThirdMs, lastThirdMs, ratio: lastThirdMs / firstThirdMs, tests: results.length };
}
