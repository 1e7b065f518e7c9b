import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const REMOVING = '.removing-';

/**
 * Frees the directories and files a run writes at once and deletes what they held in the background: the
 * thousands of result files of a run take seconds to unlink, time the next run can spend on its tests. Each
 * path is renamed aside (`.<name>.removing-<uuid>` next to it), so it is free when this returns; leftovers of
 * a run stopped before its deletion finished are swept too. Await the promise before the process ends.
 */
export function clearOutputs(paths: readonly string[]): Promise<void> {
  const aside: string[] = [];
  for (const path of paths) {
    aside.push(...leftoversOf(path));
    if (!existsSync(path)) continue;
    const renamed = join(dirname(path), `.${basename(path)}${REMOVING}${randomUUID()}`);
    try {
      renameSync(path, renamed);
      aside.push(renamed);
    } catch {
      // A path that cannot be moved (in use, on another device) is deleted in place, before the run.
      rmSync(path, { recursive: true, force: true });
    }
  }
  return Promise.all(aside.map((path) => rm(path, { recursive: true, force: true }))).then(() => undefined);
}

function leftoversOf(path: string): string[] {
  const parent = dirname(path);
  const prefix = `.${basename(path)}${REMOVING}`;
  if (!existsSync(parent)) return [];
  return readdirSync(parent)
    .filter((entry) => entry.startsWith(prefix))
    .map((entry) => join(parent, entry));
}
