import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prefixed } from '../errors';
import { type RunResult, start } from '../process/run';
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
}

/**
 * An Allure entry point run with this process's Node.js, its output streamed and logged like every step's.
 * `iteratorHelpers` loads iterator-helpers.mjs first (it adds `toArray` where the runtime lacks it), before any
 * inherited NODE_OPTIONS, so what those load runs after it.
 */
function startAllureScript(
  script: string,
  args: readonly string[],
  options: AllureRunOptions & { readonly iteratorHelpers?: boolean; readonly input?: boolean },
) {
  const env: NodeJS.ProcessEnv = { ...options.env };
  if (options.iteratorHelpers) {
    const inherited = options.env?.NODE_OPTIONS ?? process.env.NODE_OPTIONS;
    env.NODE_OPTIONS = [`--import ${ITERATOR_HELPERS}`, inherited].filter(Boolean).join(' ');
  }
  return start(process.execPath, [script, ...args], {
    env,
    logFile: options.logFile,
    echo: true,
    input: options.input,
  });
}

/** Runs `allure <command> <args…>` with the harness's configuration. */
export function runAllure(
  command: string,
  args: readonly string[],
  options: AllureRunOptions,
): Promise<RunResult> {
  return startAllureScript(ALLURE_CLI, [command, '--config', ALLURE_CONFIG, ...args], options).result;
}

/** A report being prepared by allure-generate.mjs: Allure loaded, its configuration and history read. */
export interface PreparedReport {
  /** Reads the results, now complete, writes the report and applies the quality gate when asked. */
  build(): Promise<RunResult>;
}

/**
 * Starts preparing the report of `resultsDirs` in `output` and, with `qualityGate`, its quality gate, in one
 * process that reads the results once (allure-generate.mjs). Start it before the tests: it loads Allure and
 * reads the history while they start, and reads the results when `build` is called.
 */
export function prepareAllureGenerate(
  output: string,
  resultsDirs: readonly string[],
  options: AllureRunOptions & { readonly qualityGate: boolean },
): PreparedReport {
  const gate = options.qualityGate ? ['--quality-gate', QUALITY_GATE_MARKER] : [];
  const args = ['--config', ALLURE_CONFIG, '--output', output, ...gate, '--wait', ...resultsDirs];
  const { child, result } = startAllureScript(ALLURE_GENERATE, args, {
    ...options,
    iteratorHelpers: options.qualityGate,
    input: true,
  });
  // A script that failed to start has closed its input: its exit code and output tell why.
  child.stdin?.on('error', () => undefined);
  return {
    build() {
      child.stdin?.end('results ready\n');
      return result;
    },
  };
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
