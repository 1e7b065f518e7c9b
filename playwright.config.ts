import { randomUUID } from 'node:crypto';
import { defineConfig } from '@playwright/test';
import { reportPaths } from './src/report/paths';
import { harnessReporters } from './src/report/reporters';

const onCi = Boolean(process.env.CI);
const SUITES = ['consumer', 'provider', 'api'] as const;

// One id for every process of this run (workers inherit it): the consumer tests stage their pacts under it.
process.env.HARNESS_RUN_ID ??= randomUUID();

/**
 * One runner for everything: the Pact consumer tests, the provider verification, the API suites and
 * the harness's own tests, so one reporter pipeline (list, JUnit, Allure) sees every result.
 *
 * `gate` holds the three suites in one project: their fixtures share one worker pool, so a run starts two
 * workers, not one per suite. `consumer`, `provider` and `api` run one suite each.
 */
export default defineConfig({
  forbidOnly: onCi,
  failOnFlakyTests: onCi,
  outputDir: reportPaths().testResults,
  // Validates the target environment's configuration before any test runs (see .env.example).
  globalSetup: ['./src/env/global-setup.ts'],
  // Merges the consumer tests' pacts into pacts/ after a complete, passing consumer run.
  globalTeardown: ['./src/pact/global-teardown.ts'],
  // Redaction, list, JUnit, Allure (src/report/reporters.ts); paths follow REPORTS_DIR.
  reporter: harnessReporters(),
  // Every core: the suites wait on loopback HTTP as much as they compute.
  workers: '100%',
  fullyParallel: true,
  use: { trace: 'off' },
  // The suites' projects share testDir, so a test has the same id (and Allure history) in all of them.
  projects: [
    { name: 'gate', testDir: 'suites', testMatch: SUITES.map((suite) => `${suite}/**/*.spec.ts`) },
    ...SUITES.map((suite) => ({ name: suite, testDir: 'suites', testMatch: `${suite}/**/*.spec.ts` })),
    { name: 'selftest', testDir: 'test' },
  ],
});
