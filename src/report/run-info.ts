import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { git } from '../git';

/** What the report's environment panel shows about a run. */
export interface RunInfo {
  /** `TARGET_ENV`, default `mock`. */
  readonly target: string;
  /** Host of `GENAUTH_BASE_URL`, or `embedded mock` when the mock starts itself. Never the full URL. */
  readonly baseUrlHost: string;
  /** `version` of package.json. */
  readonly harnessVersion: string;
  /** `GITHUB_SHA`, else `git rev-parse HEAD`, else `unknown`. */
  readonly gitCommit: string;
  readonly fakerSeed: string;
  /** `n` when the run is split into n shards. */
  readonly shards?: number;
  readonly startedAt: string;
}

function gitCommit(env: NodeJS.ProcessEnv): string {
  return env.GITHUB_SHA || git(['rev-parse', 'HEAD']) || 'unknown';
}

function hostOf(baseUrl: string | undefined): string {
  if (!baseUrl) return 'embedded mock';
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'invalid GENAUTH_BASE_URL';
  }
}

export function collectRunInfo(
  env: NodeJS.ProcessEnv = process.env,
  options: { readonly shards?: number; readonly packageJson?: string } = {},
): RunInfo {
  const pkg = JSON.parse(readFileSync(options.packageJson ?? 'package.json', 'utf8')) as { version?: string };
  return {
    target: env.TARGET_ENV || 'mock',
    baseUrlHost: hostOf(env.GENAUTH_BASE_URL),
    harnessVersion: pkg.version ?? 'unknown',
    gitCommit: gitCommit(env),
    fakerSeed: env.FAKER_SEED ?? 'unknown',
    ...(options.shards && options.shards > 1 ? { shards: options.shards } : {}),
    startedAt: new Date().toISOString(),
  };
}

export function writeRunInfo(path: string, info: RunInfo): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(info, null, 2)}\n`);
}
