import { defineConfig } from '@playwright/test';
import { BROWSER_OPTIONS } from '../../fixtures/browser-options';
import { CLAIMED_DEFECTS_VARIABLE } from '../../fixtures/sensitivity';
import type { MockDefectsOption } from '../../fixtures/worker';
import { DEFECT_IDS, type DefectId } from '../../src/mock/defects';
import { CLAIMED, CLEAN, projectName, type Suite } from './kill-matrix';

/**
 * The sensitivity run. Both modes run the API suites and the provider verification against the faithful
 * mock (no false alarm), and:
 *
 * - `claimed` (default, `npm test`): every API test and every provider verification test is declared once
 *   more per defect it names, and that copy runs against the mock shipping the defect, as an expected
 *   failure (the mock is switched per test). Each suite is one project, so its workers are never restarted
 *   for a caught defect.
 * - `full` (`SENSITIVITY_MODE=full`, nightly): every test of both suites under every defect, one project
 *   per defect; finds catches no test claims, and which pact interactions catch what.
 *
 * `SENSITIVITY_DEFECTS=a,b` narrows the defects (default: the whole catalog).
 */
const defects = (process.env.SENSITIVITY_DEFECTS?.split(',').filter(Boolean) ?? DEFECT_IDS) as DefectId[];
const full = process.env.SENSITIVITY_MODE === 'full';
// Read where the suites are declared, in this process and in every worker (they load this config too).
if (!full) process.env[CLAIMED_DEFECTS_VARIABLE] = defects.join(',');
// The kill matrix's own self-test points the API suite at deliberately weakened tests (SENSITIVITY_API_DIR).
const apiDir = process.env.SENSITIVITY_API_DIR;
const suites: Partial<Record<Suite, { testDir: string; testMatch: string }>> = {
  api: apiDir
    ? { testDir: `../../${apiDir}`, testMatch: '**/*.synthetic.ts' }
    : { testDir: '../../suites/api', testMatch: '**/*.spec.ts' },
  ...(apiDir ? {} : { provider: { testDir: '../../suites/provider', testMatch: '**/*.spec.ts' } }),
};
const each = Object.entries(suites) as [Suite, { testDir: string; testMatch: string }][];

const clean = full
  ? each.map(([suite, files]) => ({ name: projectName(suite, CLEAN), ...files, use: { mockDefects: [] } }))
  : [];
const perDefect = defects.flatMap((defect) =>
  each.map(([suite, files]) => ({
    name: projectName(suite, defect),
    ...files,
    use: { mockDefects: [defect] },
  })),
);
const claimed = each.map(([suite, files]) => ({
  name: projectName(suite, CLAIMED),
  ...files,
  use: { mockDefects: [] },
}));

export default defineConfig<MockDefectsOption>({
  globalSetup: ['../../fixtures/global-setup.ts'],
  outputDir: process.env.SENSITIVITY_OUTPUT_DIR || '../../reports/sensitivity-results',
  reporter: [['json', { outputFile: process.env.SENSITIVITY_JSON || '../../reports/sensitivity-run.json' }]],
  retries: 0,
  // A number of workers, or a share of the cores (`50%`).
  workers: /^\d+$/.test(process.env.SENSITIVITY_WORKERS ?? '')
    ? Number(process.env.SENSITIVITY_WORKERS)
    : process.env.SENSITIVITY_WORKERS || '100%',
  fullyParallel: true,
  timeout: 60_000,
  use: BROWSER_OPTIONS,
  projects: [...clean, ...(full ? perDefect : claimed)],
});
