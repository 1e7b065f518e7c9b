/**
 * `npm run pact:drift`: regenerates the pacts into a temporary directory and compares them with the
 * committed ones (`git HEAD:pacts/`, or the working tree with `--against=worktree` or outside git).
 * Exits 1 on drift with a message saying to review and commit the contract change.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pactSettingsFrom } from '../config';
import { findPactDrift, formatPactDrift } from '../drift';
import { removeDir } from '../pact-file';

async function jsonFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((entry) => entry.endsWith('.json')).sort()) {
    files.set(name, await readFile(path.join(dir, name), 'utf8'));
  }
  return files;
}

function committedFiles(pactDir: string): Map<string, string> | undefined {
  try {
    const relative = path.relative(process.cwd(), pactDir) || '.';
    const listing = execFileSync('git', ['ls-tree', '--name-only', 'HEAD', `${relative}/`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const files = new Map<string, string>();
    for (const file of listing.split('\n').filter((line) => line.endsWith('.json'))) {
      files.set(path.basename(file), execFileSync('git', ['show', `HEAD:${file}`], { encoding: 'utf8' }));
    }
    return files;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const settings = pactSettingsFrom();
  const againstWorktree = process.argv.includes('--against=worktree');
  const scratch = await mkdtemp(path.join(tmpdir(), 'pact-drift-'));
  try {
    const generatedDir = path.join(scratch, 'pacts');
    const run = spawnSync(
      'npx',
      [
        'playwright',
        'test',
        '--project=consumer',
        '--reporter=line',
        `--output=${path.join(scratch, 'results')}`,
      ],
      { stdio: 'inherit', env: { ...process.env, PACT_DIR: generatedDir } },
    );
    if (run.status !== 0) {
      console.error(
        '[enroll-factor-harness] the consumer tests failed, so the pacts could not be regenerated.',
      );
      return 2;
    }
    const committed =
      (againstWorktree ? undefined : committedFiles(settings.pactDir)) ?? (await jsonFiles(settings.pactDir));
    const drift = findPactDrift(committed, await jsonFiles(generatedDir));
    if (drift.length > 0) {
      console.error(formatPactDrift(drift, path.relative(process.cwd(), settings.pactDir) || '.'));
      return 1;
    }
    console.log(
      `[enroll-factor-harness] no contract drift: the consumer tests reproduce the committed pacts byte for byte.`,
    );
    return 0;
  } finally {
    await removeDir(scratch);
  }
}

process.exitCode = await main();
