import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prefixed } from '../errors';
import { type RunResult, run } from '../process/run';
import type { ReportPaths } from './paths';

/** The `allure` package's command-line entry point (its bin), run with this process's Node.js. */
const ALLURE_CLI = fileURLToPath(new URL('../../node_modules/allure/cli.js', import.meta.url));

/** The harness's Allure configuration, wherever the command runs from. */
const ALLURE_CONFIG = fileURLToPath(new URL('../../allurerc.mjs', import.meta.url));

const ITERATOR_HELPERS = fileURLToPath(new URL('./iterator-helpers.mjs', import.meta.url));

const ALLURE_GENERATE = fileURLToPath(new URL('./allure-generate.mjs', import.meta.url));

/** The line allure-generate.mjs prints before the quality gate's verdict: what follows is the gate's alone. */
export const QUALITY_GATE_MARKER = prefixed('Allure report written; applying its quality gate');

interface AllureRunOptions {
  readonly logFile: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Load iterator-helpers.mjs first: it adds `toArray` where the runtime lacks it. */
  readonly iteratorHelpers?: boolean;
}

/**
 * Runs an Allure entry point with this process's Node.js, its output streamed and logged like every step's.
 * iterator-helpers.mjs goes before any inherited NODE_OPTIONS, so what those load runs after it.
 */
function runAllureScript(
  script: string,
  args: readonly string[],
  options: AllureRunOptions,
): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...options.env };
  if (options.iteratorHelpers) {
    const inherited = options.env?.NODE_OPTIONS ?? process.env.NODE_OPTIONS;
    env.NODE_OPTIONS = [`--import ${ITERATOR_HELPERS}`, inherited].filter(Boolean).join(' ');
  }
  return run(process.execPath, [script, ...args], { env, logFile: options.logFile, echo: true });
}

/** Runs `allure <command> <args…>` with the harness's configuration. */
export function runAllure(
  command: string,
  args: readonly string[],
  options: AllureRunOptions,
): Promise<RunResult> {
  return runAllureScript(ALLURE_CLI, [command, '--config', ALLURE_CONFIG, ...args], options);
}

/**
 * The report of `resultsDirs` in `output` and, with `qualityGate`, its quality gate, in one process that reads
 * the results once (allure-generate.mjs).
 */
export function runAllureGenerate(
  output: string,
  resultsDirs: readonly string[],
  options: AllureRunOptions & { readonly qualityGate: boolean },
): Promise<RunResult> {
  const gate = options.qualityGate ? ['--quality-gate', QUALITY_GATE_MARKER] : [];
  const args = ['--config', ALLURE_CONFIG, '--output', output, ...gate];
  return runAllureScript(ALLURE_GENERATE, [...args, ...resultsDirs], {
    ...options,
    iteratorHelpers: options.qualityGate,
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
