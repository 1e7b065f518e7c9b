import { defineConfig } from '@playwright/test';

/** The runner's floor: a bare Playwright run of one trivial test, no reporters beyond the line reporter. */
export default defineConfig({
  testDir: '.',
  reporter: 'line',
  outputDir: '../../reports/bench-floor-results',
});
