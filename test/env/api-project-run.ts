import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suiteArgs } from '../../src/suites';
import { runPlaywright } from '../nested-run';

export interface ApiProjectRun {
  readonly status: number;
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
  const { exitCode, output } = await runPlaywright(
    [...suiteArgs('api'), '--reporter=list', `--output=${reportsDir}/out`, ...files],
    {
      env: { REPORTS_DIR: reportsDir, ...variables },
      without: /^(GENAUTH_|SMS_|EMAIL_|FACE_|TARGET_ENV$|MOCK_)/,
      timeoutMs: 90_000,
    },
  );
  return { status: exitCode, output, reportsDir };
}
