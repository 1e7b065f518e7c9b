import { formatConfigProblems, parseConfig } from './config';
import { loadEnvFiles } from './env-files';

/**
 * Playwright global setup: validates the configuration before any test runs. An incomplete or invalid
 * configuration stops the run with one message listing every problem. The faker seed is fixed here, so
 * every worker builds the same data, and printed, so a run can be repeated.
 */
export default function globalSetup(): void {
  loadEnvFiles();
  const result = parseConfig(process.env);
  if (!result.ok) {
    process.stderr.write(`\n${formatConfigProblems(result.targetEnv, result.problems)}\n\n`);
    process.exit(1);
  }
  process.env.FAKER_SEED = String(result.config.fakerSeed);
  process.stderr.write(
    `[enroll-factor-harness] TARGET_ENV=${result.config.targetEnv} FAKER_SEED=${result.config.fakerSeed}\n`,
  );
}
