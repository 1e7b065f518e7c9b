import { PLAYWRIGHT_CLI, type RunResult, run, tsxArgs } from '../src/process/run';

/**
 * A self-test that runs the harness as a user would (a nested Playwright run, a CLI) starts it through
 * src/process like every other child. The child must not inherit what belongs to the Playwright worker
 * running the self-test: its worker ids and its reporter settings.
 */
const OUTER_RUN = /^(TEST_|PW_|PLAYWRIGHT_)/;

export interface NestedRunOptions {
  /** Variables set over the inherited ones. */
  readonly env?: NodeJS.ProcessEnv;
  /** Inherited variables the child must not see either (e.g. a target's settings). */
  readonly without?: RegExp;
  /** Stops the child and everything it started after this many milliseconds. Default 4 minutes. */
  readonly timeoutMs?: number;
  /**
   * The output as the child wrote it, not redacted on its way here: for the self-tests that check the
   * child's own redaction, which redacting it here would hide.
   */
  readonly unredacted?: boolean;
}

const DEFAULT_TIMEOUT_MS = 240_000;

/** A command in a child process, its whole output captured; never rejects. */
export function runNested(
  command: string,
  args: readonly string[],
  options: NestedRunOptions = {},
): Promise<RunResult> {
  const { env, without, timeoutMs = DEFAULT_TIMEOUT_MS, unredacted } = options;
  return run(command, args, {
    inherit: (name) => !OUTER_RUN.test(name) && !without?.test(name),
    env,
    capture: true,
    timeoutMs,
    unredacted,
  });
}

/** `playwright test <args>` in a child process, as a user would start it. */
export function runPlaywright(args: readonly string[], options: NestedRunOptions = {}): Promise<RunResult> {
  return runNested(process.execPath, [PLAYWRIGHT_CLI, 'test', ...args], options);
}

/** A harness command-line entry point (e.g. `cli/gate.ts`) in a child process. */
export function runScript(
  script: string,
  args: readonly string[] = [],
  options: NestedRunOptions = {},
): Promise<RunResult> {
  return runNested(process.execPath, tsxArgs(script, ...args), options);
}
