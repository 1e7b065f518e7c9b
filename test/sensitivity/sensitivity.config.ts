import { defineConfig } from '@playwright/test';
import type { MockFaultsOption } from '../../fixtures/harness';
import { DEFECT_IDS, type DefectId } from '../../src/mock/defects';
import { CLEAN, projectName, type Suite } from './kill-matrix';

/**
 * The sensitivity run: the API suites and the provider verification once against the faithful mock and
 * once per provider defect, each run its own project so every worker starts a mock with just that defect.
 * `SENSITIVITY_DEFECTS=a,b` narrows the defects (default: the whole catalog).
 */
const defects = (process.env.SENSITIVITY_DEFECTS?.split(',').filter(Boolean) ?? DEFECT_IDS) as DefectId[];
const runs: Array<DefectId | typeof CLEAN> = [CLEAN, ...defects];
const suites: Record<Suite, string> = { api: '../../suites/api', provider: '../../suites/provider' };

export default defineConfig<MockFaultsOption>({
  globalSetup: ['../../src/env/global-setup.ts'],
  outputDir: process.env.SENSITIVITY_OUTPUT_DIR || '../../reports/sensitivity-results',
  reporter: [['json', { outputFile: process.env.SENSITIVITY_JSON || '../../reports/sensitivity-run.json' }]],
  retries: 0,
  workers: Number(process.env.SENSITIVITY_WORKERS || 2),
  timeout: 60_000,
  projects: runs.flatMap((run) =>
    (Object.keys(suites) as Suite[]).map((suite) => ({
      name: projectName(suite, run),
      testDir: suites[suite],
      fullyParallel: true,
      use: { mockFaults: run === CLEAN ? [] : [run] },
    })),
  ),
});
