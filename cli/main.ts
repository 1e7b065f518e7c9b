import { HarnessError } from '../src/errors';

/**
 * Runs a command-line entry point: its exit code is the process's. A `HarnessError` (bad input, a missing
 * variable, an unreachable target) prints its message and exits 2; anything else is a bug of the harness
 * and prints its stack.
 */
export function runMain(main: () => Promise<number> | number): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => process.exit(code),
      (error: unknown) => {
        if (error instanceof HarnessError) {
          process.stderr.write(`${error.message}\n`);
          process.exit(2);
        }
        process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
        process.exit(1);
      },
    );
}
