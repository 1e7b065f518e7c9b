import { defineConfig } from '@playwright/test';
import { reportPaths } from './src/report/paths';
import { harnessReporters } from './src/report/reporters';

const onCi = Boolean(process.env.CI);

/**
 * One runner for everything: the Pact consumer tests, the provider verification, the API suites and
 * the harness's own tests, so one reporter pipeline (list, JUnit, Allure) sees every result.
 */
export default defineConfig({
  forbidOnly: onCi,
  failOnFlakyTests: onCi,
  outputDir: reportPaths().testResults,
  // Validates the target environment's configuration before any test runs (see .env.example).
  globalSetup: ['./src/env/global-setup.ts'],
  // Redaction, list, JUnit, Allure (src/report/reporters.ts); paths follow REPORTS_DIR.
  reporter: harnessReporters(),
  use: { trace: 'off' },
  projects: [
    // The consumer tests write one-interaction pacts into a staging directory; the teardown merges them
    // into pacts/ only after a complete, passing run.
    {
      name: 'consumer-pact-staging',
      testDir: 'suites/consumer',
      testMatch: /pact-staging\.setup\.ts/,
      teardown: 'consumer-pact-files',
    },
    { name: 'consumer-pact-files', testDir: 'suites/consumer', testMatch: /pact-files\.teardown\.ts/ },
    {
      name: 'consumer',
      testDir: 'suites/consumer',
      fullyParallel: false,
      dependencies: ['consumer-pact-staging'],
    },
    { name: 'provider', testDir: 'suites/provider' },
    { name: 'api', testDir: 'suites/api', fullyParallel: true },
    { name: 'selftest', testDir: 'test', fullyParallel: true },
  ],
});
