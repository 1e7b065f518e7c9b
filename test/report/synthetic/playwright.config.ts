import { defineConfig } from '@playwright/test';
import { BROWSER_OPTIONS } from '../../../fixtures/browser-options';
import { reportPaths } from '../../../src/report/paths';
import { harnessReporters } from '../../../src/report/reporters';

const suite = process.env.SYNTHETIC_SUITE ?? '[\\w-]+';

/**
 * Small synthetic suites the report self-tests run in a child Playwright process, through the harness's
 * real reporter pipeline, into a temporary REPORTS_DIR. `SYNTHETIC_SUITE` picks the suite;
 * `SYNTHETIC_TRACE=on` records traces of the passing tests (a suite's `-failure` file never has them);
 * `SYNTHETIC_PROJECT` renames the project that runs the suite (default `api`).
 */
export default defineConfig({
  testDir: '.',
  outputDir: reportPaths().testResults,
  reporter: harnessReporters(),
  // Beside the self-tests' own workers, one worker starts the fewest processes.
  workers: 1,
  fullyParallel: true,
  use: BROWSER_OPTIONS,
  projects: [
    {
      name: process.env.SYNTHETIC_PROJECT || 'api',
      testMatch: new RegExp(`/${suite}\\.synthetic\\.ts$`),
      use: { trace: process.env.SYNTHETIC_TRACE === 'on' ? 'on' : 'off' },
    },
    {
      name: 'api-failures',
      testMatch: new RegExp(`/${suite}-failure\\.synthetic\\.ts$`),
      use: { trace: 'off' },
    },
  ],
});
