/**
 * `npm run pact:drift`: regenerates the pacts into a temporary directory and compares them with the
 * committed ones (`git HEAD:pacts/`, or the working tree with `--against=worktree` or outside git).
 * Exits 1 on drift with a message saying to review and commit the contract change.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HarnessError, prefixed } from '../src/errors';
import { pactSettingsFrom } from '../src/pact/config';
import { committedPactTexts, findPactDrift, formatPactDrift, readPactTexts } from '../src/pact/drift';
import { removeDir } from '../src/pact/pact-file';
import { suiteArgs } from '../src/suites';
import { runMain } from './main';

async function main(): Promise<number> {
  const settings = pactSettingsFrom();
  const againstWorktree = process.argv.includes('--against=worktree');
  const scratch = await mkdtemp(path.join(tmpdir(), 'pact-drift-'));
  try {
    const generatedDir = path.join(scratch, 'pacts');
    const run = spawnSync(
      process.execPath,
      [
        'node_modules/@playwright/test/cli.js',
        'test',
        ...suiteArgs('consumer'),
        '--reporter=line',
        `--output=${path.join(scratch, 'results')}`,
      ],
      { stdio: 'inherit', env: { ...process.env, PACT_DIR: generatedDir } },
    );
    if (run.status !== 0) {
      throw new HarnessError('the consumer tests failed, so the pacts could not be regenerated.');
    }
    const committed =
      (againstWorktree ? undefined : committedPactTexts(settings.pactDir)) ??
      (await readPactTexts(settings.pactDir));
    const drift = findPactDrift(committed, await readPactTexts(generatedDir));
    if (drift.length > 0) {
      console.error(formatPactDrift(drift, path.relative(process.cwd(), settings.pactDir) || '.'));
      return 1;
    }
    console.log(
      prefixed('no contract drift: the consumer tests reproduce the interactions of the committed pacts.'),
    );
    return 0;
  } finally {
    await removeDir(scratch);
  }
}

runMain(main);
