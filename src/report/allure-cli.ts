import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportPaths } from './paths';
import { type CommandResult, runCommand } from './pipeline';

const ITERATOR_HELPERS = fileURLToPath(new URL('./iterator-helpers.mjs', import.meta.url));

/** The environment of an Allure CLI process: with Iterator helpers on Node 20 (see iterator-helpers.mjs). */
export function allureEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const nodeOptions = [process.env.NODE_OPTIONS, env.NODE_OPTIONS, `--import ${ITERATOR_HELPERS}`];
  return { ...env, NODE_OPTIONS: nodeOptions.filter(Boolean).join(' ') };
}

/** `allure generate` over one or more results directories (several = shards merged into one report). */
export function generateReport(
  paths: ReportPaths,
  resultsDirs: readonly string[],
  env?: NodeJS.ProcessEnv,
): Promise<CommandResult> {
  return runCommand(
    'npx',
    ['allure', 'generate', '--config', 'allurerc.mjs', '--output', paths.allureReport, ...resultsDirs],
    { env: allureEnv(env), logFile: join(paths.logs, 'allure-generate.log') },
  );
}

/** `allure quality-gate`: no failures, at least `QUALITY_GATE_MIN_TESTS` tests (allurerc.mjs). */
export function checkQualityGate(
  paths: ReportPaths,
  resultsDirs: readonly string[],
  env?: NodeJS.ProcessEnv,
): Promise<CommandResult> {
  return runCommand('npx', ['allure', 'quality-gate', '--config', 'allurerc.mjs', ...resultsDirs], {
    env: allureEnv(env),
    logFile: join(paths.logs, 'quality-gate.log'),
  });
}

/** The `allure-results` directories of every shard under `<reports>/shards/`. */
export function shardResultsDirs(paths: ReportPaths): string[] {
  if (!existsSync(paths.shards)) return [];
  return readdirSync(paths.shards, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(paths.shards, entry.name, 'allure-results'))
    .filter((dir) => existsSync(dir))
    .sort();
}
