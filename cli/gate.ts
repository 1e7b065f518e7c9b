/**
 * The CI gate: one Playwright run of the consumer tests, the provider verification and the API suites on
 * the embedded mock (project `suites`, two workers shared by all three) → pact drift check → OpenAPI check
 * (every interaction against the provider's official OpenAPI; the committed pacts are checked while Playwright
 * starts and stand for the generated ones when they do not drift) → Allure report and quality gate, from one
 * process that loads Allure and reads the history while the tests start, and reads their results once.
 * Every step runs even when an earlier one failed, so the report shows everything; the exit code is 0 only
 * when every step passed.
 *
 *   npm run gate                   the whole gate
 *   npm run gate -- --shard=i/n    one shard of provider + API suites (the consumer tests, the drift
 *                                  and the OpenAPI check run in shard 1 only); results in reports/shards/shard-i-of-n/,
 *                                  report and quality gate come from `npm run report:merge`
 *   npm run gate -- [playwright arguments]
 *                                  the gate on a part of the suites: files, `--grep` and other arguments go to
 *                                  `playwright test` (the consumer tests write no pact unless all of them ran;
 *                                  `QUALITY_GATE_MIN_TESTS` sets how many tests the quality gate expects)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runSeed } from '../src/env/config';
import { loadEnvFiles } from '../src/env/env-files';
import { prefixed } from '../src/errors';
import { notifyRun } from '../src/notify/notify-run';
import { readRecordedFailures } from '../src/notify/summary';
import { pactSettingsFrom } from '../src/pact/config';
import {
  committedPactTexts,
  findPactDrift,
  formatPactDrift,
  type PactDrift,
  readPactTexts,
} from '../src/pact/drift';
import {
  checkPactDirAgainstOpenApi,
  checkPactTextsAgainstOpenApi,
  formatOpenApiCheck,
  openApiCheckPassed,
} from '../src/pact/openapi-check';
import { PLAYWRIGHT_CLI, run } from '../src/process/run';
import { type StepOutcome, Steps } from '../src/process/steps';
import { howToOpenReport, prepareAllureReportSteps } from '../src/report/allure-report';
import { formatCoverage, readCatalogCoverage } from '../src/report/catalog-coverage';

import { reportPaths } from '../src/report/paths';
import { setAsideOutputs } from '../src/report/previous-outputs';
import { collectRunInfo, writeRunInfo } from '../src/report/run-info';
import { writeAllureResult } from '../src/report/synthetic-result';
import { parseShardArguments, shardName } from '../src/shards';
import { environmentSuiteArgs, SUITES_PROJECT, suiteArgs } from '../src/suites';
import { runMain } from './main';

runMain(async () => {
  const shardArguments = process.argv.slice(2).filter((argument) => argument.startsWith('--shard='));
  const playwrightArguments = process.argv.slice(2).filter((argument) => !argument.startsWith('--shard='));
  const shard = parseShardArguments(shardArguments, 'npm run gate [-- --shard=i/n]');
  loadEnvFiles();
  runSeed();

  const base = reportPaths();
  const shardDir = shard ? join(base.shards, shardName(shard)) : undefined;
  const env: NodeJS.ProcessEnv = shardDir ? { ALLURE_RESULTS_DIR: join(shardDir, 'allure-results') } : {};
  const paths = reportPaths({ ...process.env, ...env });
  const junitDir = shardDir ? join(shardDir, 'junit') : paths.junitDir;
  const firstShard = !shard || shard.index === 1;
  const { pactDir, provider } = pactSettingsFrom();

  // The failed tests of each Playwright step and their causes, for the summary post.
  const failuresFile = (name: string) => join(shardDir ?? paths.root, 'failures', `${name}.json`);
  const previous = setAsideOutputs([
    paths.allureResults,
    junitDir,
    paths.testResults,
    paths.logs,
    paths.allureReport,
    paths.catalogCoverage,
    join(shardDir ?? paths.root, 'failures'),
  ]);
  const runInfo = collectRunInfo(process.env, { shards: shard?.total });
  writeRunInfo(paths.runInfo, runInfo);
  if (shardDir) writeRunInfo(join(shardDir, 'run-info.json'), runInfo);

  // What the run must reproduce: the pacts of the last commit, or as found before the run outside git.
  const committedPacts = firstShard
    ? (committedPactTexts(pactDir) ?? (await readPactTexts(pactDir)))
    : undefined;

  // The OpenAPI check of the committed pacts runs while Playwright starts, on the core it leaves idle. It
  // stands for the generated pacts only when they promise the same (no drift); otherwise they are checked.
  const committedOpenApiCheck = committedPacts && checkPactTextsAgainstOpenApi(committedPacts, provider);
  committedOpenApiCheck?.catch(() => undefined);
  let drift: PactDrift[] | undefined;

  // Allure loads and reads the history while the tests start up, on the core their runner leaves idle.
  const report = shard ? undefined : prepareAllureReportSteps(paths, [paths.allureResults]);

  const steps = new Steps(shard ? `gate shard ${shard.index}/${shard.total}` : 'gate', {
    announce: process.stdout,
  });
  const step = steps.run.bind(steps);

  async function playwright(name: string, selection: readonly string[], sharded: boolean) {
    const args = [PLAYWRIGHT_CLI, 'test', ...selection, ...playwrightArguments];
    args.push(`--output=${join(paths.testResults, name)}`);
    if (sharded && shard) args.push(`--shard=${shard.index}/${shard.total}`);
    const { exitCode } = await run(process.execPath, args, {
      env: {
        ...env,
        PLAYWRIGHT_JUNIT_OUTPUT_FILE: join(junitDir, `${name}.xml`),
        HARNESS_FAILURES_FILE: failuresFile(name),
      },
      logFile: join(paths.logs, `${name}.log`),
      echo: true,
    });
    return {
      status: exitCode === 0 ? ('passed' as const) : ('failed' as const),
      detail:
        exitCode === 0 ? '' : `playwright exited ${exitCode}; see the report and ${paths.logs}/${name}.log`,
    };
  }

  const skippedInThisShard = { status: 'skipped' as const, detail: 'runs in shard 1 only' };
  let suites: StepOutcome | undefined;

  if (shard) {
    await step('consumer pact tests', async () =>
      firstShard ? playwright('consumer', suiteArgs('consumer'), false) : skippedInThisShard,
    );
    await step('provider verification + API suites', () =>
      playwright('verify', environmentSuiteArgs(), true),
    );
  } else {
    suites = await step('consumer pact tests + provider verification + API suites', () =>
      playwright('gate', [`--project=${SUITES_PROJECT}`], false),
    );
  }

  await step('pact drift check', async () => {
    if (!committedPacts) return skippedInThisShard;
    const startMs = Date.now();
    drift = findPactDrift(committedPacts, await readPactTexts(pactDir));
    const passed = drift.length === 0;
    writeAllureResult(paths.allureResults, {
      name: 'pact drift check: the generated pacts promise what the committed ones do',
      status: passed ? 'passed' : 'failed',
      message: passed ? undefined : formatPactDrift(drift),
      startMs,
      stopMs: Date.now(),
      layer: 'gate',
    });
    if (!passed) process.stderr.write(`${formatPactDrift(drift)}\n`);
    return {
      status: passed ? 'passed' : 'failed',
      detail: passed ? '' : 'pacts differ from the committed ones',
    };
  });

  await step('OpenAPI check', async () => {
    if (!committedPacts) return skippedInThisShard;
    const startMs = Date.now();
    const check =
      committedOpenApiCheck && drift?.length === 0
        ? await committedOpenApiCheck
        : await checkPactDirAgainstOpenApi(pactDir, provider);
    const passed = openApiCheckPassed(check);
    const verdict = formatOpenApiCheck(check);
    writeAllureResult(paths.allureResults, {
      name: "OpenAPI check: every pact interaction agrees with the provider's official OpenAPI",
      status: passed ? 'passed' : 'failed',
      message: passed ? undefined : verdict,
      description: passed ? `\`\`\`\n${verdict}\n\`\`\`` : undefined,
      startMs,
      stopMs: Date.now(),
      layer: 'gate',
    });
    (passed ? process.stdout : process.stderr).write(`${verdict}\n`);
    return {
      status: passed ? 'passed' : 'failed',
      detail: passed
        ? `${check.accepted.length} known difference(s) accepted`
        : `${check.unexpected.length} finding(s) break the spec, ${check.stale.length} stale known difference(s)`,
    };
  });

  if (!shard) {
    await step('error catalog coverage', async () => {
      // Failing tests assert less than they would; coverage is judged on a run whose tests all passed.
      if (suites?.status !== 'passed')
        return { status: 'skipped', detail: 'judged only when the suites pass' };
      const startMs = Date.now();
      const coverage = readCatalogCoverage(paths.catalogCoverage);
      const passed = coverage !== undefined && coverage.uncovered.length === 0;
      const detail = !coverage
        ? 'no API test passed, so nothing was asserted'
        : passed
          ? ''
          : `asserted by no API test: ${coverage.uncovered.join(', ')}`;
      writeAllureResult(paths.allureResults, {
        name: 'error catalog coverage: every entry and behaviour decision is asserted by an API test',
        status: passed ? 'passed' : 'failed',
        message: detail || undefined,
        startMs,
        stopMs: Date.now(),
        layer: 'gate',
        description: coverage ? `\`\`\`\n${formatCoverage(coverage)}\n\`\`\`` : undefined,
      });
      return { status: passed ? 'passed' : 'failed', detail };
    });
  }

  if (shard) {
    process.stdout.write(
      `\n${prefixed(`shard ${shard.index}/${shard.total}: results in ${paths.allureResults}.`)} ` +
        'After every shard, `npm run report:merge` builds the report and applies the quality gate.\n',
    );
  } else if (report) {
    process.stdout.write(`\n${prefixed('gate step: Allure report')}\n`);
    for (const outcome of await report.steps()) steps.record(outcome);
    await step('summary post', () =>
      notifyRun({
        title: 'gate',
        passed: steps.passed,
        paths,
        failedTests: readRecordedFailures(failuresFile('gate')),
        // The suites' step fails with its tests, which the post lists one by one.
        failedSteps: steps.failed.filter((outcome) => outcome !== suites),
      }),
    );
  }

  process.stdout.write(steps.summary());
  if (!shard && existsSync(join(paths.allureReport, 'index.html'))) {
    process.stdout.write(`\n${howToOpenReport(paths)}\n`);
  }
  steps.write(join(shardDir ?? paths.root, 'gate-steps.json'));
  await previous.settle(paths.allureResults);
  return steps.passed ? 0 : 1;
});
