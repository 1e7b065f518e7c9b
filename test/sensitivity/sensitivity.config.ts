import { defineConfig } from '@playwright/test';
import type { SensitivityFixtures } from '../../fixtures/sensitivity';
import type { MockDefectsOption } from '../../fixtures/worker';
import { DEFECT_IDS, type DefectId } from '../../src/mock/defects';
import { CLEAN, projectName, roundName, type Suite } from './kill-matrix';

/**
 * The sensitivity run. Both modes start with the API suites and the provider verification against the
 * faithful mock (no false alarm), then:
 *
 * - `claimed` (default, `npm test`): every API test runs under each defect it names, as an expected
 *   failure, in rounds (round k: the k-th defect a test names; the mock is switched per test). A test runs
 *   as often as it names defects, and workers are never restarted for a caught defect.
 * - `full` (`SENSITIVITY_MODE=full`, nightly): every test of both suites under every defect, one project
 *   per defect; finds catches no test claims, and which pact interactions catch what.
 *
 * `SENSITIVITY_DEFECTS=a,b` narrows the defects (default: the whole catalog); `SENSITIVITY_ROUNDS` is the
 * most defects one test may name (default 8; a test naming more fails the run, so none goes untested).
 */
const defects = (process.env.SENSITIVITY_DEFECTS?.split(',').filter(Boolean) ?? DEFECT_IDS) as DefectId[];
const full = process.env.SENSITIVITY_MODE === 'full';
const rounds = Number(process.env.SENSITIVITY_ROUNDS || 8);
// The kill matrix's own self-test points the API suite at deliberately weakened tests (SENSITIVITY_API_DIR).
const apiDir = process.env.SENSITIVITY_API_DIR;
const suites: Partial<Record<Suite, { testDir: string; testMatch: string }>> = {
  api: apiDir
    ? { testDir: `../../${apiDir}`, testMatch: '**/*.synthetic.ts' }
    : { testDir: '../../suites/api', testMatch: '**/*.spec.ts' },
  ...(apiDir ? {} : { provider: { testDir: '../../suites/provider', testMatch: '**/*.spec.ts' } }),
};
const each = Object.entries(suites) as [Suite, { testDir: string; testMatch: string }][];

const clean = each.map(([suite, files]) => ({
  name: projectName(suite, CLEAN),
  ...files,
  use: { mockDefects: [] },
}));
const perDefect = defects.flatMap((defect) =>
  each.map(([suite, files]) => ({
    name: projectName(suite, defect),
    ...files,
    use: { mockDefects: [defect] },
  })),
);
const claimed = Array.from({ length: rounds }, (_, index) => ({
  name: projectName('api', roundName(index + 1)),
  ...suites.api,
  use: { mockDefects: [], sensitivityRound: { round: index + 1, rounds, defects } },
}));

export default defineConfig<MockDefectsOption & Pick<SensitivityFixtures, 'sensitivityRound'>>({
  globalSetup: ['../../src/env/global-setup.ts'],
  outputDir: process.env.SENSITIVITY_OUTPUT_DIR || '../../reports/sensitivity-results',
  reporter: [['json', { outputFile: process.env.SENSITIVITY_JSON || '../../reports/sensitivity-run.json' }]],
  retries: 0,
  workers: process.env.SENSITIVITY_WORKERS || '100%',
  fullyParallel: true,
  timeout: 60_000,
  projects: [...clean, ...(full ? perDefect : claimed)],
});
