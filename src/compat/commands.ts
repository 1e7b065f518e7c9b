import { join, relative } from 'node:path';
import { HarnessError } from '../errors';
import { run } from '../process/run';

/** Runs one command of the compatibility run; rejects with a `HarnessError` saying what failed and where its log is. */
export type Run = (
  command: string,
  args: readonly string[],
  options: { readonly cwd?: string; readonly log: string },
) => Promise<void>;

/**
 * Commands streamed to the terminal and logged, redacted, to `<logDir>/<log>.log`, with `env` laid over the
 * process's environment; aborting `signal` stops the one running.
 */
export function loggedRun(env: NodeJS.ProcessEnv, logDir: string, signal?: AbortSignal): Run {
  return async (command, args, options) => {
    const logFile = join(logDir, `${options.log}.log`);
    const { exitCode, tail } = await run(command, args, {
      env,
      logFile,
      cwd: options.cwd,
      signal,
      echo: true,
    });
    if (exitCode === 0) return;
    const shown = relative(process.cwd(), logFile) || logFile;
    throw new HarnessError(
      `${[command, ...args].join(' ')} exited ${exitCode}${causeIn(tail)}; see ${shown}`,
    );
  };
}

/** What the output's tail names as the cause: the gate's failed steps, TypeScript's first error, or npm's error code. */
export function causeIn(tail: string): string {
  const failedSteps = [...tail.matchAll(/^\s*FAIL {2}(.+?)\s{2,}/gm)].map((match) => match[1]);
  if (failedSteps.length > 0) return ` (failed: ${failedSteps.join(', ')})`;
  const typeError = /^\S+(?:\(\d+,\d+\):|:\d+:\d+ -) error TS\d+: .*$/m.exec(tail)?.[0];
  if (typeError) return ` (first: ${typeError})`;
  const npmCode = /^npm error code (E[A-Z0-9_]+)/m.exec(tail)?.[1];
  return npmCode ? ` (npm error ${npmCode})` : '';
}
