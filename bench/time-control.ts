import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from '../src/errors';
import { type PlaywrightJsonReport, reportedTests } from '../src/report/playwright-json';
import { suiteArgs } from '../src/suites';
import { costDrift } from './gate-breakdown';
import { median, readJsonReport, type TimedRun, timeCommand } from './support/commands';

export interface TimeControlFigures {
  readonly virtual: {
    readonly tests: number;
    readonly passed: number;
    /** The scenarios' own time, added up: what virtual time makes small. */
    readonly totalTestMs: number;
    readonly slowestTestMs: number;
    readonly runMs: number;
  };
  readonly realTime: {
    readonly ttlSeconds: number;
    /** Each round's rehearsal of the expiry checks, above a rehearsal of one quick test, divided by the TTL. */
    readonly roundMultiples: readonly number[];
    /** The median of `roundMultiples`: the figure. */
    readonly ttlMultiple: number;
    readonly tests: number;
    readonly passed: number;
    /** The longest expiry test (one per factor type, both checks sharing one wait), fixtures included. */
    readonly slowestTestMs: number;
    /** The longest run of one type's checks: from its first token request to the answer after the TTL. */
    readonly slowestChecksMs: number;
    /** From the first expiry test's start to the last one's end: workers start one after another. */
    readonly spanMs: number;
    readonly runMs: number;
    /** The longest run of one type's checks divided by the TTL (the last round's). */
    readonly checksMultiple: number;
  };
}

const EXPIRY_SPEC = 'suites/api/token-expiry.spec.ts';
/** A rehearsal of one quick test: what a rehearsal costs before any test waits for anything. */
const ONE_TEST = ['suites/api/requests.spec.ts', '--grep', 'a path the API does not have'];

/**
 * The token-expiry scenarios of all four factor types: on the mock in virtual time, then through the
 * real-environment rehearsal (real waiting) with a TTL of `ttlSeconds`.
 */
export async function measureTimeControl(logDir: string, ttlSeconds: number): Promise<TimeControlFigures> {
  const virtualJson = join(logDir, 'expiry-virtual.json');
  await timeCommand(
    'npx',
    ['playwright', 'test', ...suiteArgs('api'), EXPIRY_SPEC, '--workers=1', '--reporter=json'],
    {
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: virtualJson, TARGET_ENV: 'mock' },
      logFile: join(logDir, 'expiry-virtual.log'),
    },
  );
  const virtual = readJsonReport(virtualJson);

  // The expiry checks through the rehearsal (real waiting), above a rehearsal of one quick test, alternately:
  // what the checks add to a run, without the start-up noise of its servers and workers. The median of three.
  const realJson = join(logDir, 'expiry-real.json');
  const env = { ENROLLMENT_TOKEN_TTL_SECONDS: String(ttlSeconds) };
  const roundMultiples: number[] = [];
  for (let round = 1; round <= 3; round += 1) {
    const base = await timeCommand(
      'npm',
      ['run', 'rehearsal', '--', '--tests-only', ...ONE_TEST, '--reporter=dot'],
      {
        env,
        logFile: join(logDir, `expiry-base-${round}.log`),
      },
    );
    const expiry = await timeCommand(
      'npm',
      ['run', 'rehearsal', '--', '--tests-only', EXPIRY_SPEC, '--workers=4', '--reporter=json'],
      {
        env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: realJson },
        logFile: join(logDir, `expiry-real-${round}.log`),
      },
    );
    if (base.exitCode !== 0 || expiry.exitCode !== 0) {
      throw new HarnessError(
        `bench: a rehearsal of the expiry checks failed (round ${round}; see ${logDir})`,
      );
    }
    roundMultiples.push((expiry.wallMs - base.wallMs) / (ttlSeconds * 1000));
  }
  const real = readJsonReport(realJson);
  const slowestTestMs = Math.max(...real.durations);
  const slowestChecksMs = Math.max(
    ...real.stepDurations.map((steps) => steps.reduce((sum, ms) => sum + ms, 0)),
  );

  return {
    virtual: {
      tests: virtual.durations.length,
      passed: virtual.statuses.filter((status) => status === 'passed').length,
      totalTestMs: virtual.durations.reduce((sum, ms) => sum + ms, 0),
      slowestTestMs: Math.max(...virtual.durations),
      runMs: virtual.runMs,
    },
    realTime: {
      ttlSeconds,
      tests: real.durations.length,
      passed: real.statuses.filter((status) => status === 'passed').length,
      slowestTestMs,
      slowestChecksMs,
      spanMs: real.spanMs,
      runMs: real.runMs,
      roundMultiples,
      ttlMultiple: median(roundMultiples),
      checksMultiple: slowestChecksMs / (ttlSeconds * 1000),
    },
  };
}

export interface RemoteRehearsalFigures extends TimedRun {
  readonly tests: number;
  readonly passed: number;
  readonly skipped: number;
  /** The longest run of one type's expiry checks, at the documented 60 s TTL. */
  readonly slowestExpiryChecksMs: number;
  /** That run divided by the TTL. */
  readonly ttlMultiple: number;
}

/** The remote profile: API suites and provider verification at the documented TTL, with 100-200 ms latency. */
export async function measureRemoteRehearsal(logDir: string): Promise<RemoteRehearsalFigures> {
  const json = join(logDir, 'rehearsal-remote.json');
  // The JSON report beside the harness's own reporters: the rehearsal runs whole, its catalog check included.
  const run = await timeCommand('npm', ['run', 'rehearsal', '--', '--profile=remote'], {
    env: { HARNESS_TIMINGS_FILE: json },
    logFile: join(logDir, 'rehearsal-remote.log'),
  });
  const tests = reportedTests(JSON.parse(readFileSync(json, 'utf8')) as PlaywrightJsonReport);
  const statuses = tests.map((test) => test.results.at(-1)?.status);
  const expiryChecks = tests
    .filter((test) => EXPIRY_SPEC.endsWith(test.file))
    .map((test) => (test.results.at(-1)?.steps ?? []).reduce((sum, step) => sum + step.duration, 0));
  const slowestExpiryChecksMs = Math.max(0, ...expiryChecks);
  return {
    ...run,
    tests: tests.length,
    passed: statuses.filter((status) => status === 'passed').length,
    skipped: statuses.filter((status) => status === 'skipped').length,
    slowestExpiryChecksMs,
    ttlMultiple: slowestExpiryChecksMs / 60_000,
  };
}

export interface FlatCostFigures {
  readonly tests: number;
  readonly firstThirdMs: number;
  readonly lastThirdMs: number;
  /** Mean test duration of the last third over the first: 1 when a test costs the same early and late. */
  readonly ratio: number;
}

/** One enrollment flow repeated on one worker through the full reporter pipeline (bench/flat). */
export async function measureFlatCost(logDir: string, rounds: number): Promise<FlatCostFigures> {
  const timings = join(logDir, 'flat-timings.json');
  await timeCommand('npx', ['playwright', 'test', '-c', 'bench/flat/playwright.config.ts'], {
    env: {
      HARNESS_TIMINGS_FILE: timings,
      BENCH_FLAT_ROUNDS: String(rounds),
      REPORTS_DIR: join(logDir, 'flat-reports'),
      TARGET_ENV: 'mock',
    },
    logFile: join(logDir, 'flat.log'),
  });
  return costDrift(timings);
}
