import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadEnvFiles } from '../../src/env';
import { printable } from '../../src/pact/broker';
import { PactConfigError } from '../../src/pact/config';

/**
 * Assembles a command line from the environment and runs it. A configuration problem (no broker URL,
 * no environment name, ...) ends the script with its message and exit code 2, before anything runs.
 */
export function run(binary: string, assemble: () => { args: string[]; env?: NodeJS.ProcessEnv }): void {
  let command: { args: string[]; env?: NodeJS.ProcessEnv };
  loadEnvFiles();
  try {
    command = assemble();
  } catch (error) {
    if (!(error instanceof PactConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  console.log(`$ ${printable(binary, command.args)}`);
  const local = path.resolve('node_modules/.bin', binary);
  const result = spawnSync(local, command.args, {
    stdio: 'inherit',
    env: { ...process.env, ...command.env },
  });
  if (result.error) {
    console.error(
      `[enroll-factor-harness] could not run ${binary}: ${result.error.message}. Run npm install first.`,
    );
    process.exit(2);
  }
  process.exit(result.status ?? 1);
}
