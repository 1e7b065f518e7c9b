import { randomUUID } from 'node:crypto';
import { defineConfig } from '@playwright/test';
import { BROWSER_OPTIONS } from './fixtures/browser-options';
import { reportPaths } from './src/report/paths';
import { harnessReporters } from './src/report/reporters';
import { SUITES_PROJECT } from './src/suites';

const onCi = Boolean(process.env.CI);

// One id for every process of this run (workers inherit it): the consumer tests stage their pacts under it.
process.env.HARNESS_RUN_ID ??= randomUUID();

/**
 * One runner for everything: the Pact consumer tests, the provider verification, the API suites and
 * the harness's own tests, so one reporter pipeline (list, JUnit, Allure) sees every result.
 *
 * The three suites are one project (`suites`): their fixtures share one worker pool, a bare
 * `npx playwright test` runs each test once, and a test has one id in the gate, its shards and the nightly.
 * A suite is picked by its tag: `--grep @consumer`, `@provider` or `@api` (src/suites.ts).
 */
export default defineConfig({
  forbidOnly: onCi,
  outputDir: reportPaths().testResults,
  // Validates the target environment's configuration before any test runs (see .env.example).
  globalSetup: ['./fixtures/global-setup.ts'],
  // Merges the consumer tests' pacts into pacts/ after a complete, passing consumer run.
  globalTeardown: ['./fixtures/global-teardown.ts'],
  // Redaction, list, JUnit, Allure (src/report/reporters.ts); paths follow REPORTS_DIR.
  reporter: harnessReporters(),
  // The terminal shows progress, one line per test: what tests print (the native Pact verifier's report, which
  // goes to reports/logs/pact-verifier/, and pact-js's logs) stays with each test in Allure and JUnit.
  quiet: true,
  // Every core: the suites wait on loopback HTTP as much as they compute.
  workers: '100%',
  fullyParallel: true,
  use: { trace: 'off', ...BROWSER_OPTIONS },
  projects: [
    { name: SUITES_PROJECT, testDir: 'suites' },
    { name: 'selftest', testDir: 'test' },
  ],
});
