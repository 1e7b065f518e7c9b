import { join, resolve } from 'node:path';
import { HarnessError } from '../errors';

/** Where reports go. Every path derives from `REPORTS_DIR` (default `reports`) unless overridden. */
export interface ReportPaths {
  readonly root: string;
  /** Raw Allure results of this run (or shard): `ALLURE_RESULTS_DIR`, default `<root>/allure-results`. */
  readonly allureResults: string;
  /** The generated Allure report: `<root>/allure-report`. */
  readonly allureReport: string;
  /** JUnit XML files, one per gate step: `<root>/junit`. */
  readonly junitDir: string;
  /** Playwright's output (traces, attachments): `<root>/test-results`. */
  readonly testResults: string;
  /** Redacted logs of the gate and nightly steps: `<root>/logs`. */
  readonly logs: string;
  /** Allure history, kept across runs (cache it in CI): `ALLURE_HISTORY_PATH`, default `<root>/history/history.jsonl`. */
  readonly history: string;
  /** Where `--shard=i/n` runs put their results for `npm run report:merge`: `<root>/shards`. */
  readonly shards: string;
  /** Target, base URL host, harness version, git commit and faker seed of the run: `<root>/run-info.json`. */
  readonly runInfo: string;
  /** Which error catalog entries and behaviour decisions the run's API tests asserted: `<root>/catalog-coverage.json`. */
  readonly catalogCoverage: string;
  /** The run's observed errors against the error catalog (`npm run catalog:observed`): `<root>/catalog-observed.json`. */
  readonly catalogObserved: string;
}

export function reportPaths(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ReportPaths {
  const root = resolve(cwd, env.REPORTS_DIR || 'reports');
  return {
    root,
    allureResults: resolve(cwd, env.ALLURE_RESULTS_DIR || join(root, 'allure-results')),
    allureReport: join(root, 'allure-report'),
    junitDir: join(root, 'junit'),
    testResults: join(root, 'test-results'),
    logs: join(root, 'logs'),
    history: resolve(cwd, env.ALLURE_HISTORY_PATH || join(root, 'history', 'history.jsonl')),
    shards: join(root, 'shards'),
    runInfo: join(root, 'run-info.json'),
    catalogCoverage: join(root, 'catalog-coverage.json'),
    catalogObserved: join(root, 'catalog-observed.json'),
  };
}

export interface Shard {
  readonly index: number;
  readonly total: number;
}

/** `i/n` as a shard (1 ≤ i ≤ n); undefined when it is not one. */
export function shardOf(value: string | undefined): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(value?.trim() ?? '');
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  return match && index >= 1 && index <= total ? { index, total } : undefined;
}

/** Parses `i/n` (1 ≤ i ≤ n); undefined for no value, a `HarnessError` for a bad one. */
export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined || value === '') return undefined;
  const shard = shardOf(value);
  if (!shard) {
    throw new HarnessError(
      `--shard=${value} is not a shard: use --shard=i/n with 1 ≤ i ≤ n, e.g. --shard=1/2.`,
    );
  }
  return shard;
}

/** The shard of a command that takes `--shard=i/n` and nothing else. */
export function parseShardArguments(argv: readonly string[], usage: string): Shard | undefined {
  let shard: Shard | undefined;
  for (const argument of argv) {
    if (argument.startsWith('--shard=')) shard = parseShard(argument.slice('--shard='.length));
    else throw new HarnessError(`unknown option "${argument}". Usage: ${usage}`);
  }
  return shard;
}

export function shardName(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.total}`;
}
