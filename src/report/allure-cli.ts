import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunResult, run } from '../process/run';
import type { ReportPaths } from './paths';

/** The `allure` package's command-line entry point (its bin), run with this process's Node.js. */
const ALLURE_CLI = fileURLToPath(new URL('../../node_modules/allure/cli.js', import.meta.url));

/** The harness's Allure configuration, wherever the command runs from. */
const ALLURE_CONFIG = fileURLToPath(new URL('../../allurerc.mjs', import.meta.url));

const ITERATOR_HELPERS = fileURLToPath(new URL('./iterator-helpers.mjs', import.meta.url));

/**
 * Runs `allure <command> <args…>` with this process's Node.js, its output streamed and logged like every
 * step's. `iteratorHelpers` loads iterator-helpers.mjs first (it adds `toArray` where the runtime lacks it),
 * before any inherited NODE_OPTIONS, so what those load runs after it.
 */
export function runAllure(
  command: string,
  args: readonly string[],
  options: { readonly logFile: string; readonly env?: NodeJS.ProcessEnv; readonly iteratorHelpers?: boolean },
): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...options.env };
  if (options.iteratorHelpers) {
    const inherited = options.env?.NODE_OPTIONS ?? process.env.NODE_OPTIONS;
    env.NODE_OPTIONS = [`--import ${ITERATOR_HELPERS}`, inherited].filter(Boolean).join(' ');
  }
  return run(process.execPath, [ALLURE_CLI, command, '--config', ALLURE_CONFIG, ...args], {
    env,
    logFile: options.logFile,
    echo: true,
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
