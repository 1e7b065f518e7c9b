import { join, resolve } from 'node:path';
import type { Env } from '../config/parsers';
import { readVariables } from '../config/schema';

/** Where reports go. Every path derives from `REPORTS_DIR` (default `reports`) unless overridden. */
export interface ReportPaths {
  readonly root: string;
  /** Raw Allure results of this run (or shard): `ALLURE_RESULTS_DIR`, default `<root>/allure-results`. */
  readonly allureResults: string;
  /** The generated Allure report: `<root>/allure-report`. */
  readonly allureReport: string;
  /** JUnit XML files, one per gate step: `<root>/junit`. */
  readonly junitDir: string;
  /** Playwright's output (traces, attachments): `<root>/test-results`. */
  readonly testResults: string;
  /** Redacted logs of the gate and nightly steps: `<root>/logs`. */
  readonly logs: string;
  /** Allure history, kept across runs (cache it in CI): `ALLURE_HISTORY_PATH`, default `<root>/history/history.jsonl`. */
  readonly history: string;
  /** Where `--shard=i/n` runs put their results for `npm run report:merge`: `<root>/shards`. */
  readonly shards: string;
  /** Target, base URL host, harness version, git commit and faker seed of the run: `<root>/run-info.json`. */
  readonly runInfo: string;
  /** Which error catalog entries and behaviour decisions the run's API tests asserted: `<root>/catalog-coverage.json`. */
  readonly catalogCoverage: string;
  /** The run's observed errors against the error catalog (`npm run catalog:observed`): `<root>/catalog-observed.json`. */
  readonly catalogObserved: string;
  /** The fidelity check's recordings (`recording-tenant.json`, `recording-mock.json`) and their runs: `<root>/fidelity`. */
  readonly fidelity: string;
  /** The fidelity check's findings and share: `<root>/fidelity.json`. */
  readonly fidelityReport: string;
}

export function reportPaths(env: Env = process.env, cwd = process.cwd()): ReportPaths {
  const given = readVariables(env, ['REPORTS_DIR', 'ALLURE_RESULTS_DIR', 'ALLURE_HISTORY_PATH']);
  const root = resolve(cwd, given.REPORTS_DIR);
  return {
    root,
    allureResults: resolve(cwd, given.ALLURE_RESULTS_DIR ?? join(root, 'allure-results')),
    allureReport: join(root, 'allure-report'),
    junitDir: join(root, 'junit'),
    testResults: join(root, 'test-results'),
    logs: join(root, 'logs'),
    history: resolve(cwd, given.ALLURE_HISTORY_PATH ?? join(root, 'history', 'history.jsonl')),
    shards: join(root, 'shards'),
    runInfo: join(root, 'run-info.json'),
    catalogCoverage: join(root, 'catalog-coverage.json'),
    catalogObserved: join(root, 'catalog-observed.json'),
    fidelity: join(root, 'fidelity'),
    fidelityReport: join(root, 'fidelity.json'),
  };
}
