import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { HarnessError, prefixed } from '../errors';
import { type RunOptions, run } from './run';

/**
 * Variables that tie a command to the checkout or to another run: those `npm run` sets about the checkout
 * (`npm_config_local_prefix` would make `npm ci` install there) and those sending reports or run state
 * elsewhere. The user's own npm settings (`npm_config_registry`, proxies) pass.
 */
const OF_THE_CHECKOUT =
  /^(npm_config_local_prefix|npm_config_user_agent|npm_package_.*|npm_lifecycle_.*|npm_command|npm_execpath|npm_node_execpath|NODE|INIT_CWD|ALLURE_RESULTS_DIR|ALLURE_HISTORY_PATH|PLAYWRIGHT_JUNIT_OUTPUT_FILE|HARNESS_RUN_ID|HARNESS_TIMINGS_FILE|HARNESS_FAILURES_FILE)$/;

/** A temporary clone of HEAD, for runs that start from what is committed and leave the checkout alone. */
export interface HeadClone {
  readonly head: string;
  /** The clone. */
  readonly dir: string;
  /** The temporary folder holding the clone, for what the run needs beside it; removed with it. */
  readonly workspace: string;
  /** How to run a command in the clone: its reports under `reportsDir`, `binDir` (if any) first on PATH. */
  options(reportsDir: string, binDir?: string): RunOptions;
  /** Removes the clone; also done when this process exits, however it exits. */
  remove(): void;
}

async function git(args: readonly string[], cwd: string): Promise<string> {
  const { exitCode, output } = await run('git', args, { cwd, capture: true });
  if (exitCode !== 0) throw new HarnessError(`git ${args.join(' ')} failed in ${cwd}: ${output}`);
  return output.trim();
}

/**
 * Clones HEAD of the git checkout around `from`. `--shared` borrows the checkout's objects instead of
 * copying them, so the clone takes a second. Uncommitted changes are said through `log`: the clone has none.
 */
export async function cloneHead(
  prefix: string,
  log: (message: string) => void,
  from = process.cwd(),
): Promise<HeadClone> {
  const checkout = await git(['rev-parse', '--show-toplevel'], from).catch(() => {
    throw new HarnessError(`this run clones HEAD of a git checkout: run it inside one (${from} is not).`);
  });
  const head = await git(['rev-parse', 'HEAD'], checkout);
  if (await git(['status', '--porcelain', '--untracked-files=no'], checkout)) {
    log(`the checkout has uncommitted changes; the clone of HEAD (${head.slice(0, 12)}) runs without them`);
  }
  const workspace = mkdtempSync(join(tmpdir(), prefix));
  const remove = () => {
    process.off('exit', remove);
    try {
      rmSync(workspace, { recursive: true, force: true, maxRetries: 3 });
    } catch (error) {
      process.stderr.write(`${prefixed(`could not remove ${workspace} (${(error as Error).message})`)}\n`);
    }
  };
  process.on('exit', remove);
  const dir = join(workspace, 'harness');
  await git(['clone', '--quiet', '--shared', '--no-checkout', checkout, dir], workspace);
  await git(['checkout', '--quiet', '--detach', head], dir);
  return {
    head,
    dir,
    workspace,
    remove,
    options: (reportsDir, binDir) => ({
      cwd: dir,
      inherit: (name) => !OF_THE_CHECKOUT.test(name),
      env: {
        REPORTS_DIR: reportsDir,
        ...(binDir ? { PATH: [binDir, process.env.PATH].filter(Boolean).join(delimiter) } : {}),
      },
    }),
  };
}
