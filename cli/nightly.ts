/**
 * The nightly check of a real environment: provider verification and API suites against TARGET_ENV, then
 * the fidelity check (the API tests' exchanges recorded against the target and against a clean stand-in of the
 * mock, compared scenario by scenario: a contract drift fails the run, a mock drift is a warning; a shard
 * records both sides and `npm run report:merge` compares them) and the catalog observations (every observed
 * error against the error catalog, with proposed corrections).
 * Failures the environment caused (connection errors, timeouts, 5xx, 429; see src/report/failure-causes.json)
 * are re-run, only those tests, up to NIGHTLY_ENV_RETRIES times; assertion failures never are. A test that
 * passes on a re-run shows as flaky in the report. The designated users' factors (the pool and the other
 * user too) are reset at the end, whatever happened. Allure history is kept across runs (reports/history,
 * cache it in CI).
 *
 *   TARGET_ENV=staging npm run nightly [-- --shard=i/n]
 *
 * NIGHTLY_ENV_RETRIES (default 2) re-runs; NIGHTLY_RETRY_DELAY_MS (default 30 000) before the first, doubled
 * after; HARNESS_TRANSPORT_RETRIES (default 2 here) retries inside the client transport first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readVariables } from '../src/config/schema';
import { loadConfig, runSeed } from '../src/env/config';
import { loadEnvFiles } from '../src/env/env-files';
import { preflight } from '../src/env/preflight';
import { resetDesignatedUser } from '../src/env/reset-designated-users';
import { HarnessError, prefixed } from '../src/errors';
import { notifyRun } from '../src/notify/notify-run';
import { PLAYWRIGHT_CLI, run as runCommand } from '../src/process/run';
import { Steps } from '../src/process/steps';
import { redactText } from '../src/redaction/redact';
import { nightlyFidelity } from '../src/rehearsal/nightly-fidelity';
import { sideFiles } from '../src/rehearsal/recorded-run';
import { allureReportSteps } from '../src/report/allure-report';
import { recordCatalogObservations } from '../src/report/catalog-observations';
import { tallyFailures, tallyLine } from '../src/report/failure-tally';
import type { RecordedFailure } from '../src/report/failures-reporter';
import { reportPaths } from '../src/report/paths';
import { setAsideOutputs } from '../src/report/previous-outputs';
import { collectRunInfo, writeRunInfo } from '../src/report/run-info';
import { parseShardArguments, shardName } from '../src/shards';
import { environmentSuiteArgs } from '../src/suites';
import { runMain } from './main';

runMain(async () => {
  const shard = parseShardArguments(process.argv.slice(2), 'npm run nightly [-- --shard=i/n]');
  const envFiles = loadEnvFiles();
  // A configuration or a target that cannot run ends the nightly here, with one message and exit code 2,
  // before anything of the last run's outputs is touched.
  const config = loadConfig(process.env, envFiles);
  if (config.baseUrl) {
    const checked = await preflight(config, config.baseUrl);
    if (!checked.ok) {
      throw new HarnessError(`${checked.problem}\nNo test was run; the last run's report is kept.`);
    }
  }
  runSeed();
  process.env.HARNESS_TRANSPORT_RETRIES ||= '2';
  const { NIGHTLY_ENV_RETRIES: envRetries, NIGHTLY_RETRY_DELAY_MS: firstDelayMs } = readVariables(
    process.env,
    ['NIGHTLY_ENV_RETRIES', 'NIGHTLY_RETRY_DELAY_MS'],
  );

  const base = reportPaths();
  const shardDir = shard ? join(base.shards, shardName(shard)) : undefined;
  const env: NodeJS.ProcessEnv = shardDir ? { ALLURE_RESULTS_DIR: join(shardDir, 'allure-results') } : {};
  const paths = reportPaths({ ...process.env, ...env });
  const workDir = join(shardDir ?? paths.root, 'nightly');
  const junitDir = shardDir ? join(shardDir, 'junit') : paths.junitDir;
  const target = process.env.TARGET_ENV || 'mock';
  // Against the mock itself there is nothing to compare the mock with.
  const fidelityDir = target === 'mock' ? undefined : shardDir ? join(shardDir, 'fidelity') : paths.fidelity;

  const previous = setAsideOutputs([
    paths.allureResults,
    junitDir,
    paths.testResults,
    paths.logs,
    workDir,
    paths.allureReport,
    ...(fidelityDir ? [fidelityDir, paths.fidelityReport] : []),
  ]);
  const runInfo = collectRunInfo(process.env, { shards: shard?.total });
  writeRunInfo(paths.runInfo, runInfo);
  if (shardDir) writeRunInfo(join(shardDir, 'run-info.json'), runInfo);

  const steps = new Steps(shard ? `nightly shard ${shard.index}/${shard.total}` : 'nightly');
  const readFailures = (file: string): RecordedFailure[] => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as RecordedFailure[];
    } catch {
      return [];
    }
  };

  async function run(round: number, lastFailedFile?: string) {
    const failuresFile = join(workDir, `failures-${round}.json`);
    const args = [
      PLAYWRIGHT_CLI,
      'test',
      ...environmentSuiteArgs(),
      `--output=${join(paths.testResults, `round-${round}`)}`,
    ];
    if (lastFailedFile) args.push('--last-failed');
    else if (shard) args.push(`--shard=${shard.index}/${shard.total}`);
    const started = Date.now();
    const { exitCode } = await runCommand(process.execPath, args, {
      env: {
        ...env,
        HARNESS_FAILURES_FILE: failuresFile,
        ...(fidelityDir ? { HARNESS_FIDELITY_DIR: sideFiles(fidelityDir, 'tenant').dir } : {}),
        PLAYWRIGHT_JUNIT_OUTPUT_FILE: join(junitDir, `nightly-${round}.xml`),
        ...(lastFailedFile ? { PLAYWRIGHT_LAST_RUN_OUTPUT_FILE: lastFailedFile } : {}),
      },
      logFile: join(paths.logs, `nightly-${round}.log`),
      echo: true,
    });
    const failures = readFailures(failuresFile);
    const environmental = failures.filter((failure) => failure.cause === 'environment');
    steps.record({
      name:
        round === 1 ? 'provider verification + API suites' : `re-run of environment failures #${round - 1}`,
      status: exitCode === 0 ? 'passed' : 'failed',
      detail:
        exitCode === 0
          ? ''
          : failures.length > 0
            ? `${failures.length} failed (${environmental.length} caused by the environment)`
            : `no test failed, but playwright exited ${exitCode}: see ${join(paths.logs, `nightly-${round}.log`)}`,
      durationMs: Date.now() - started,
    });
    return { exitCode, failures, environmental };
  }

  let round = 1;
  let result = await run(round);
  let delayMs = firstDelayMs;
  while (result.environmental.length > 0 && round <= envRetries) {
    const lastFailedFile = join(workDir, `rerun-${round}.json`);
    writeFileSync(
      lastFailedFile,
      JSON.stringify({
        status: 'failed',
        failedTests: result.environmental.map((failure) => failure.testId),
      }),
    );
    process.stdout.write(
      `\n${prefixed(`${result.environmental.length} test(s) failed because of the environment; re-running them in ${delayMs} ms:`)}\n` +
        result.environmental.map((failure) => `  ${redactText(failure.title)}`).join('\n') +
        '\n',
    );
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    delayMs *= 2;
    round += 1;
    const rerun = await run(round, lastFailedFile);
    const stillFailing = new Set(rerun.failures.map((failure) => failure.testId));
    const others = result.failures.filter(
      (failure) => failure.cause !== 'environment' && !stillFailing.has(failure.testId),
    );
    result = { ...rerun, failures: [...others, ...rerun.failures] };
  }
  const testsFailed = result.failures.length > 0 || (result.exitCode !== 0 && result.failures.length === 0);

  await steps.run('reset the designated users', async () => {
    const { reset, skipped } = await resetDesignatedUser(config);
    return {
      status: skipped ? 'skipped' : 'passed',
      detail:
        skipped ??
        (reset.length ? `reset ${reset.length}: ${redactText(reset.join(', '))}` : 'nothing left to reset'),
    };
  });

  // The share of scenarios on which mock and target agree, where the fidelity step compared them.
  let fidelity: number | undefined;
  if (fidelityDir) {
    await steps.run('fidelity', async () => {
      const { verdict, share } = await nightlyFidelity({
        env: process.env,
        fidelityDir,
        target,
        compare: shard ? undefined : { jsonFile: paths.fidelityReport, resultsDir: paths.allureResults },
      });
      fidelity = share;
      return verdict;
    });
  } else {
    steps.skip('fidelity', 'the target is the mock itself: there is no tenant to compare it with');
  }

  if (!shard) {
    await steps.run('catalog observations', async () => {
      const jsonFile = paths.catalogObserved;
      const table = recordCatalogObservations({
        resultsDir: paths.allureResults,
        jsonFile,
        target,
      });
      const disagreements = table.rows.filter((row) => !row.agrees).length;
      return {
        status: 'passed',
        detail: `${disagreements} of ${table.rows.length} observed scenario(s) disagree with the catalog; ${jsonFile}`,
      };
    });

    for (const outcome of await allureReportSteps(paths, [paths.allureResults])) steps.record(outcome);
    await steps.run('summary post', () =>
      notifyRun({
        title: `nightly ${target}`,
        passed: !testsFailed && steps.failed.length === 0,
        paths,
        failedTests: result.failures,
        failedSteps: steps.failed.filter((outcome) => !isTestsStep(outcome.name)),
        ...(fidelity === undefined ? {} : { fidelity }),
      }),
    );
  }

  process.stdout.write(steps.summary());
  // What the quality gate counted, and why: the same results, read the same way.
  if (!shard)
    process.stdout.write(`${prefixed(`nightly: ${tallyLine(tallyFailures([paths.allureResults]))}`)}\n`);
  const stepFailed = steps.outcomes.some(
    (outcome) => outcome.status === 'failed' && !isTestsStep(outcome.name),
  );
  await previous.settle(paths.allureResults);
  return testsFailed || stepFailed ? 1 : 0;
});

/** The steps that ran the tests, whose failures are counted test by test. */
function isTestsStep(name: string): boolean {
  return name === 'provider verification + API suites' || name.startsWith('re-run');
}
