import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import StreamZip from 'node-stream-zip';
import type { RunResult } from '../../src/process/run';
import { runPlaywright, runScript } from '../nested-run';

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

/** Every occurrence of a needle in every file under `dir`, inside zip archives (traces) too. */
export async function scanForNeedles(dir: string, needles: readonly string[]): Promise<Hit[]> {
  const hits: Hit[] = [];
  const scan = (file: string, content: Buffer) => {
    const text = content.toString('latin1');
    for (const needle of needles) if (text.includes(needle)) hits.push({ file, needle });
  };
  for (const file of filesUnder(dir)) {
    const content = readFileSync(file);
    scan(relative(dir, file), content);
    if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
      const zip = new StreamZip.async({ file });
      for (const entry of Object.values(await zip.entries())) {
        if (entry.isFile) scan(`${relative(dir, file)}!${entry.name}`, await zip.entryData(entry));
      }
      await zip.close();
    }
  }
  return hits;
}
