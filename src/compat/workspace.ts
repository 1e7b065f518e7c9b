import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from '../errors';
import type { Run } from './commands';
import { NODE_PACKAGE } from './versions';

/**
 * Clones `commit` of the repository at `checkout` into `into`. `--shared` borrows the checkout's objects
 * instead of copying them, so any commit is there, one on no branch included, and the clone takes a second.
 */
export async function cloneCommit(checkout: string, commit: string, into: string, run: Run): Promise<void> {
  await run('git', ['clone', '--quiet', '--shared', '--no-checkout', checkout, into], { log: 'clone' });
  await run('git', ['-C', into, 'checkout', '--quiet', '--detach', commit], { log: 'checkout' });
}

/**
 * Installs Node.js `version` from the npm registry's `node` package into `dir` (a folder of its own, outside
 * any project) and returns the folder of its `node` binary. The package's install script fetches the
 * platform's binary, also from the npm registry: the one install script this run allows.
 */
export async function installNodeRuntime(dir: string, version: string, run: Run): Promise<string> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'compat-node-runtime', private: true, allowScripts: { [NODE_PACKAGE]: true } })}\n`,
  );
  const args = ['install', '--no-audit', '--no-fund', '--ignore-scripts=false', `${NODE_PACKAGE}@${version}`];
  await run('npm', args, { cwd: dir, log: 'node' });
  const binDir = join(dir, 'node_modules', '.bin');
  let reported: string;
  try {
    reported = execFileSync(join(binDir, 'node'), ['--version'], { encoding: 'utf8' }).trim();
  } catch (error) {
    throw new HarnessError(
      `the ${NODE_PACKAGE}@${version} package installed no working node binary (${(error as Error).message}); ` +
        'its install script fetches it, so check that npm may run it (ignore-scripts, allowScripts)',
    );
  }
  if (reported !== `v${version}`) {
    throw new HarnessError(`${NODE_PACKAGE}@${version} installed a node that reports ${reported}`);
  }
  return binDir;
}
