import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLAIMED_DEFECTS_VARIABLE } from '../../fixtures/sensitivity';
import { DEFECT_IDS, type DefectId } from '../../src/mock/defects';
import { type CatalogCoverage, catalogCoverage } from '../../src/report/catalog-coverage';
import { runPlaywright } from '../nested-run';
import {
  CLEAN,
  type JsonReport,
  type KillMatrix,
  killMatrix,
  outcomesOf,
  type SensitivityMode,
} from './kill-matrix';

/** The defects of a sensitivity run: `SENSITIVITY_DEFECTS=a,b`, default the whole catalog. */
export function defectsOf(env: NodeJS.ProcessEnv): DefectId[] {
  return (env.SENSITIVITY_DEFECTS?.split(',').filter(Boolean) ?? DEFECT_IDS) as DefectId[];
}

/**
 * Runs test/sensitivity/sensitivity.config.ts in a child Playwright run with `variables` on top of this
 * process's environment, and builds the kill matrix and the catalog coverage from its JSON report.
 */
export async function runSensitivity(
  variables: NodeJS.ProcessEnv = {},
): Promise<{ matrix: KillMatrix; coverage: CatalogCoverage }> {
  const scratch = mkdtempSync(join(tmpdir(), 'sensitivity-'));
  const json = join(scratch, 'report.json');
  const env: NodeJS.ProcessEnv = {
    TARGET_ENV: 'mock',
    SENSITIVITY_JSON: json,
    SENSITIVITY_OUTPUT_DIR: join(scratch, 'results'),
    // The gate's mock issues `<userId>|phone` factor ids; this run's issues opaque ones, so a test or
    // provider state that builds an id instead of reading it from the API raises a false alarm here.
    MOCK_FACTOR_IDS: 'opaque',
    ...variables,
  };
  const settings = { ...process.env, ...env };
  const mode: SensitivityMode = settings.SENSITIVITY_MODE === 'full' ? 'full' : 'claimed';
  // The claimed run on one worker: beside the self-tests' own workers, a second one costs more CPU than it
  // saves time. The full run (nightly, every test under every defect) takes every core.
  env.SENSITIVITY_WORKERS = settings.SENSITIVITY_WORKERS || (mode === 'full' ? '100%' : '1');
  // The run exits non-zero whenever a claimed defect goes uncaught; only a missing report is an error.
  const { tail } = await runPlaywright(['-c', 'test/sensitivity/sensitivity.config.ts'], {
    env,
    without: new RegExp(`^(GENAUTH_BASE_URL|${CLAIMED_DEFECTS_VARIABLE}|MOCK_DEFECTS)$`),
    timeoutMs: 60 * 60_000,
  });
  if (!existsSync(json)) {
    throw new Error(`[enroll-factor-harness] the sensitivity run wrote no report:\n${tail}`);
  }
  const outcomes = outcomesOf(JSON.parse(readFileSync(json, 'utf8')) as JsonReport);
  return {
    matrix: killMatrix(outcomes, defectsOf(settings), mode),
    // A skipped test asserts nothing, so only a passed one covers what it names.
    coverage: catalogCoverage(
      outcomes.filter(({ suite, run, status }) => suite === 'api' && run === CLEAN && status === 'passed'),
    ),
  };
}
