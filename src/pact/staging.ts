import type { Dirent } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PactSettings } from './config';
import {
  mergePacts,
  missingDescriptions,
  type PactFile,
  PactFileError,
  readPactFiles,
  removeDir,
  serialisePact,
  writeFileAtomically,
} from './pact-file';

/**
 * Consumer tests run in parallel workers, each writing a one-interaction pact into a staging directory of
 * its own. After the run, the fragments are merged into `pacts/`, sorted, and only when every interaction
 * passed: the committed pact changes only through a complete, green run.
 *
 * Staging lives outside the checkout, one directory per run (`HARNESS_RUN_ID`, fixed by the Playwright
 * config before any worker starts), so a run never needs a step to clear what an earlier one left.
 */
const FAILED_SUFFIX = '.failed';

/** The id every process of one Playwright run shares. */
export function runId(env: NodeJS.ProcessEnv = process.env): string {
  const id = env.HARNESS_RUN_ID;
  if (!id)
    throw new PactFileError(
      'HARNESS_RUN_ID is not set; run the consumer tests through playwright.config.ts.',
    );
  return id;
}

export function stagingDir(pactDir: string, run = runId()): string {
  const pair = path.resolve(pactDir).replace(/[^\w.-]+/g, '_');
  return path.join(tmpdir(), 'enroll-factor-harness-pacts', `${pair}-${run}`);
}

export function fragmentDir(pactDir: string, testId: string): string {
  return path.join(stagingDir(pactDir), testId);
}

export async function markFailed(pactDir: string, testId: string, title: string): Promise<void> {
  await mkdir(stagingDir(pactDir), { recursive: true });
  await writeFile(path.join(stagingDir(pactDir), `${testId}${FAILED_SUFFIX}`), title);
}

export interface StagedPactsOutcome {
  /** False when this run staged nothing (no consumer test ran). */
  readonly staged: boolean;
  readonly written: readonly string[];
}

/**
 * Merges the run's staged fragments into `settings.pactDir`; refuses (and writes nothing) after a failed
 * or partial run. `expected` holds every pact file the run must write, with the descriptions of its
 * interactions. Staging is removed either way.
 */
export async function writeStagedPacts(
  settings: PactSettings,
  expected: ReadonlyMap<string, readonly string[]>,
): Promise<StagedPactsOutcome> {
  const staging = stagingDir(settings.pactDir);
  const entries = await readdir(staging, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return { staged: false, written: [] };
  try {
    return { staged: true, written: await mergeStaged(settings, staging, entries, expected) };
  } finally {
    await removeDir(staging);
  }
}

async function mergeStaged(
  settings: PactSettings,
  staging: string,
  entries: readonly Dirent[],
  expected: ReadonlyMap<string, readonly string[]>,
): Promise<string[]> {
  const failed = entries.filter((entry) => entry.isFile() && entry.name.endsWith(FAILED_SUFFIX));
  if (failed.length > 0) {
    const titles = await Promise.all(
      failed.map((entry) => readFile(path.join(staging, entry.name), 'utf8').then((title) => `"${title}"`)),
    );
    throw new PactFileError(
      `${failed.length} consumer test(s) failed (${titles.sort().join(', ')}), so ${settings.pactDir} was left as it was. Fix them and run the consumer project again.`,
    );
  }
  const byFile = new Map<string, PactFile[]>();
  for (const entry of entries.filter((item) => item.isDirectory())) {
    for (const [name, pact] of await readPactFiles(path.join(staging, entry.name))) {
      byFile.set(name, [...(byFile.get(name) ?? []), pact]);
    }
  }
  const incomplete = [...expected].flatMap(([file, descriptions]) => {
    const fragments = byFile.get(file);
    const missing = fragments ? missingDescriptions(mergePacts(fragments), descriptions) : descriptions;
    return missing.length > 0 ? [`${file} (missing: ${missing.map((d) => `"${d}"`).join(', ')})`] : [];
  });
  if (incomplete.length > 0) {
    throw new PactFileError(
      `the run did not produce every interaction of ${incomplete.join('; ')}, so ${settings.pactDir} was left as it was. Run the whole consumer project, without --grep or a file filter.`,
    );
  }
  const written: string[] = [];
  for (const [name, fragments] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    await writeFileAtomically(path.join(settings.pactDir, name), serialisePact(mergePacts(fragments)));
    written.push(name);
  }
  return written;
}
