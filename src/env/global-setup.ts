import { consumersFrom } from '../consumers/selection';
import { prefixed } from '../errors';
import { pactSettingsFrom } from '../pact/config';
import { reportPaths } from '../report/paths';
import { writeAllureResult } from '../report/pipeline';
import { ConfigurationError } from '../variables';
import { ConfigError, parseConfig } from './config';
import { loadEnvFiles } from './env-files';
import { preflight } from './preflight';

/**
 * Playwright global setup: validates the configuration before any test runs. An incomplete or invalid
 * configuration stops the run with one message listing every problem; a target that is unreachable, not
 * HTTP, or not what TARGET_ENV says stops it with one message too (and one result in the report, filed
 * under environment unavailable). The faker seed is fixed here, so every worker builds the same data, and
 * printed, so a run can be repeated.
 */
export default async function globalSetup(): Promise<void> {
  loadEnvFiles();
  const result = parseConfig(process.env);
  if (!result.ok) {
    process.stderr.write(`\n${new ConfigError(result.targetEnv, result.problems).message}\n\n`);
    process.exit(1);
  }
  const { config } = result;
  // A consumer declaring what its adapter cannot send stops the run here, before any pact is written.
  try {
    await consumersFrom(process.env, pactSettingsFrom());
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(1);
  }
  process.env.FAKER_SEED = String(config.fakerSeed);
  process.stderr.write(`${prefixed(`TARGET_ENV=${config.targetEnv} FAKER_SEED=${config.fakerSeed}`)}\n`);
  if (!config.baseUrl) return;
  const startMs = Date.now();
  const checked = await preflight(config, config.baseUrl);
  if (checked.ok) return;
  writeAllureResult(reportPaths().allureResults, {
    name: `environment preflight: ${config.targetEnv} answers at GENAUTH_BASE_URL`,
    status: 'broken',
    message: checked.problem,
    startMs,
    stopMs: Date.now(),
    layer: 'environment',
  });
  process.stderr.write(`\n${prefixed(checked.problem)}\nNo test was run.\n\n`);
  process.exit(1);
}
