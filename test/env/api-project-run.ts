import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suiteArgs } from '../../src/suites';

export interface ApiProjectRun {
  readonly status: number | null;
  /** stdout and stderr together. */
  readonly output: string;
  /** REPORTS_DIR of the run. */
  readonly reportsDir: string;
}

/**
 * Runs the api project (or some of its files) in a child Playwright with only the given target variables, as
 * a user would start it. Asynchronous, so servers of the calling test keep answering while it runs.
 */
export async function runApiProject(
  variables: Record<string, string>,
  files: readonly string[] = [],
): Promise<ApiProjectRun> {
  const reportsDir = mkdtempSync(join(tmpdir(), 'harness-api-run-'));
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(GENAUTH_|SMS_|EMAIL_|FACE_|TEST_|PW_|PLAYWRIGHT_|TARGET_ENV$|MOCK_)/.test(name),
    ),
  );
  const child = spawn(
    process.execPath,
    [
      'node_modules/@playwright/test/cli.js',
      'test',
      ...suiteArgs('api'),
      '--reporter=list',
      `--output=${reportsDir}/out`,
      ...files,
    ],
    { env: { ...inherited, REPORTS_DIR: reportsDir, ...variables }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(timer);
  return { status, output, reportsDir };
}
