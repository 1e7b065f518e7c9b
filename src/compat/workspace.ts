import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessError, prefixed } from '../errors';
import { git } from '../git';
import type { Run } from './commands';
import { NODE_PACKAGE } from './versions';

/**
 * The git checkout around the working directory and its HEAD, for `command`, which runs on a clone of HEAD.
 * Uncommitted changes are said through `log`: the clone does not have them.
 */
export function headOfCheckout(
  command: string,
  log: (message: string) => void,
): { checkout: string; head: string } {
  const checkout = git(['rev-parse', '--show-toplevel']);
  const head = git(['rev-parse', 'HEAD']);
  if (!checkout || !head) {
    throw new HarnessError(`${command} clones HEAD of a git checkout: run it inside one, with a commit.`);
  }
  if (git(['status', '--porcelain', '--untracked-files=no'])) {
    log(`the checkout has uncommitted changes; the clone of HEAD (${head.slice(0, 12)}) runs without them`);
  }
  return { checkout, head };
}

/** A temporary folder for a run on a clone: the clone goes to `<workspace>/harness`, what it needs beside it. */
export function temporaryWorkspace(prefix: string): { workspace: string; clone: string } {
  const workspace = mkdtempSync(join(tmpdir(), prefix));
  return { workspace, clone: join(workspace, 'harness') };
}

/** Removes a temporary workspace; a failure is said, not thrown, so it never hides the run's own result. */
export function removeWorkspace(workspace: string): void {
  try {
    rmSync(workspace, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    process.stderr.write(
      `${prefixed(`could not remove ${workspace} (${(error as Error).message}); remove it by hand`)}\n`,
    );
  }
}

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
