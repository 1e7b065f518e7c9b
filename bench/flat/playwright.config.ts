import { defineConfig } from '@playwright/test';
import { harnessReporters } from '../../src/report/reporters';

/**
 * A long run on one worker through the harness's own fixtures and reporter pipeline (redaction, JUnit,
 * Allure): the same enrollment flow, over and over, to show whether a test costs more the later it runs.
 */
export default defineConfig({
  testDir: '.',
  globalSetup: ['../../fixtures/global-setup.ts'],
  outputDir: '../../reports/bench/flat-results',
  reporter: harnessReporters(),
  workers: 1,
});
