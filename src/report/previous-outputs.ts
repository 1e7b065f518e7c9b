import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const SET_ASIDE = '.previous-';

/** The outputs of the last run, set aside while a new run makes its own. */
export interface PreviousOutputs {
  /** The new run has results of its own: the previous outputs are deleted, in the background. */
  discard(): Promise<void>;
  /** The new run has none: what it wrote goes, and the previous outputs come back as they were. */
  restore(): void;
  /** Discards the previous outputs if `resultsDir` holds a test result of the new run, restores them if not. */
  settle(resultsDir: string): Promise<void>;
}

const asideName = (path: string) => join(dirname(path), `.${basename(path)}${SET_ASIDE}${randomUUID()}`);

/** Outputs a run set aside and never settled (it was killed): the newest of them, and the others. */
function leftoversOf(path: string): string[] {
  const parent = dirname(path);
  const prefix = `.${basename(path)}${SET_ASIDE}`;
  if (!existsSync(parent)) return [];
  return readdirSync(parent)
    .filter((entry) => entry.startsWith(prefix))
    .map((entry) => join(parent, entry))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
}

/**
 * Moves a run's output paths aside (`.<name>.previous-<uuid>` next to each), so the run writes into empty
 * ones while the last report, history and results stay whole until it has results of its own. Whatever
 * ends the process before it says which (an interruption, an error), the previous outputs come back. A run
 * killed outright leaves them aside; the next run puts them back before it sets them aside again.
 */
export function setAsideOutputs(paths: readonly string[]): PreviousOutputs {
  for (const path of paths) {
    const [newest, ...older] = leftoversOf(path);
    for (const old of older) rmSync(old, { recursive: true, force: true });
    if (!newest) continue;
    rmSync(path, { recursive: true, force: true });
    renameSync(newest, path);
  }
  const aside = new Map<string, string>();
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const renamed = asideName(path);
    renameSync(path, renamed);
    aside.set(path, renamed);
  }
  let settled = false;
  const restore = () => {
    if (settled) return;
    settled = true;
    process.off('exit', restore);
    for (const path of paths) {
      rmSync(path, { recursive: true, force: true });
      const renamed = aside.get(path);
      if (renamed) renameSync(renamed, path);
    }
  };
  process.on('exit', restore);
  const discard = async () => {
    if (settled) return;
    settled = true;
    process.off('exit', restore);
    await Promise.all([...aside.values()].map((path) => rm(path, { recursive: true, force: true })));
  };
  return {
    restore,
    discard,
    settle: async (resultsDir) => (hasTestResults(resultsDir) ? discard() : restore()),
  };
}

/** Whether an Allure results directory holds a test result (`*-result.json`): the run got as far as a test. */
export function hasTestResults(resultsDir: string): boolean {
  return existsSync(resultsDir) && readdirSync(resultsDir).some((file) => file.endsWith('-result.json'));
}
