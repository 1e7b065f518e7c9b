import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import StreamZip from 'node-stream-zip';
import type { RunResult } from '../../src/process/run';
import { runPlaywright, runScript } from '../nested-run';
import { embeddedFiles } from './allure-report-data';

const CONFIG = 'test/report/synthetic/playwright.config.ts';

export function tempReportsDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `report-selftest-${name}-`));
}

/**
 * Runs synthetic suites (test/report/synthetic/<suite>.synthetic.ts; `suite` is a pattern, e.g.
 * `(steady|secrets)`) through the real reporter pipeline. The output is as Playwright wrote it, so a
 * self-test can look for secrets in it.
 */
export function runSyntheticSuite(
  suite: string,
  reportsDir: string,
  options: { readonly shard?: string; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  const args = ['-c', CONFIG, ...(options.shard ? [`--shard=${options.shard}`] : [])];
  return runPlaywright(args, {
    env: { CI: '', REPORTS_DIR: reportsDir, SYNTHETIC_SUITE: suite, ...options.env },
    unredacted: true,
  });
}

/** `npm run report` with the project's allurerc.mjs into `<reportsDir>/allure-report`. */
export function generateAllureReport(
  reportsDir: string,
  resultsDirs: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  return runScript('cli/report.ts', ['generate', ...resultsDirs], {
    env: { REPORTS_DIR: reportsDir, ...env },
  });
}

/** `npm run report:merge` of `resultsDirs`, by default the shards under `<reportsDir>/shards/`. */
export function mergeShards(
  reportsDir: string,
  resultsDirs: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  return runScript('cli/report.ts', ['merge', ...resultsDirs], { env: { REPORTS_DIR: reportsDir, ...env } });
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => join(dir, entry))
    .filter((path) => statSync(path).isFile());
}

export interface Hit {
  readonly file: string;
  readonly needle: string;
}

/**
 * Every occurrence of a needle in every file under `dir`, inside zip archives (traces) and the data files a
 * single-file report embeds base64-encoded in its index.html too, however deep.
 */
export async function scanForNeedles(dir: string, needles: readonly string[]): Promise<Hit[]> {
  const hits: Hit[] = [];
  const scan = async (file: string, content: Buffer): Promise<void> => {
    const text = content.toString('latin1');
    for (const needle of needles) if (text.includes(needle)) hits.push({ file, needle });
    if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
      const zip = new StreamZip.async({ file: await asFile(content) });
      for (const entry of Object.values(await zip.entries())) {
        if (entry.isFile) await scan(`${file}!${entry.name}`, await zip.entryData(entry));
      }
      await zip.close();
    }
    if (file.endsWith('.html')) {
      for (const [name, embedded] of embeddedFiles(content.toString('utf8'))) {
        await scan(`${file}!${name}`, embedded);
      }
    }
  };
  for (const file of filesUnder(dir)) await scan(relative(dir, file), readFileSync(file));
  return hits;
}

/** A zip archive's bytes in a file of their own, for a reader that reads files. */
async function asFile(content: Buffer): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'scanned-zip-')), 'archive.zip');
  writeFileSync(file, content);
  return file;
}
