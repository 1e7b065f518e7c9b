import { readFileSync } from 'node:fs';
import {
  type JsonResult,
  type JsonStep,
  type PlaywrightJsonReport,
  reportedTests,
} from '../src/report/playwright-json';

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
const start = (result: JsonResult) => Date.parse(result.startTime ?? '');
const duration = (result: JsonResult) => result.duration ?? 0;

export function breakDownRun(file: string): RunBreakdown {
  const report = JSON.parse(readFileSync(file, 'utf8')) as PlaywrightJsonReport & {
    stats: { startTime: string; duration: number };
  };
  const rows = reportedTests(report).flatMap((test) => {
    const parts = test.file.split('/');
    const suite = parts[0] === 'suites' ? (parts[1] ?? 'other') : (parts[0] ?? 'other');
    return test.results.map((result) => ({ suite, result }));
  });

  const runStart = Date.parse(report.stats.startTime);
  const end = (r: JsonResult) => start(r) + duration(r);
  const suites: Record<string, { tests: number; testMs: number }> = {};
  for (const { suite, result } of rows) {
    const entry = suites[suite] ?? { tests: 0, testMs: 0 };
    suites[suite] = { tests: entry.tests + 1, testMs: entry.testMs + duration(result) };
  }
  const byWorker = new Map<number | undefined, JsonResult[]>();
  for (const { result } of rows)
    byWorker.set(result.workerIndex, [...(byWorker.get(result.workerIndex) ?? []), result]);
  let between = 0;
  for (const results of byWorker.values()) {
    results.sort((a, b) => start(a) - start(b));
    for (let i = 1; i < results.length; i++)
      between += Math.max(0, start(results[i]!) - end(results[i - 1]!));
  }
  const exchanges = rows.flatMap(({ result }) => {
    const found: JsonStep[] = [];
    const visit = (steps: readonly JsonStep[] = []) => {
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
  const total = sum(rows.map(({ result }) => duration(result)));
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
  const report = JSON.parse(readFileSync(file, 'utf8')) as PlaywrightJsonReport;
  const results = reportedTests(report).flatMap((test) => test.results);
  results.sort((a, b) => start(a) - start(b));
  const third = Math.floor(results.length / 3);
  const mean = (slice: readonly JsonResult[]) => sum(slice.map(duration)) / Math.max(slice.length, 1);
  const firstThirdMs = mean(results.slice(0, third));
  const lastThirdMs = mean(results.slice(-third));
  return { firstThirdMs, lastThirdMs, ratio: lastThirdMs / firstThirdMs, tests: results.length };
}
