/**
 * The Allure report:
 *   npm run report                 generate reports/allure-report from reports/allure-results
 *   npm run report:open            serve reports/allure-report (generate it first)
 *   npm run report:merge [dirs…]   merge shards' results (default reports/shards/*\/allure-results) into one
 *                                  report, with the fidelity check of the shards' recordings, then apply the
 *                                  quality gate; exits non-zero when the gate fails or a contract drifted
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readVariables } from '../src/config/schema';
import { HarnessError, prefixed } from '../src/errors';
import { checkFidelity } from '../src/fidelity/check';
import { shardRecordings } from '../src/fidelity/shards';
import { fidelityLine } from '../src/fidelity/verdict';
import { notifyRun } from '../src/notify/notify-run';
import { runAllure, shardResultsDirs } from '../src/report/allure-cli';
import { allureReportSteps, generateAllureReport, howToOpenReport } from '../src/report/allure-report';
import { tallyFailures, tallyLine } from '../src/report/failure-tally';
import { reportPaths } from '../src/report/paths';
import { runMain } from './main';

const paths = reportPaths();
const [command = 'generate', ...rest] = process.argv.slice(2);

function fail(message: string): never {
  throw new HarnessError(message);
}

async function generate(): Promise<number> {
  const dirs = rest.length > 0 ? rest : [paths.allureResults];
  const missing = dirs.filter((dir) => !existsSync(dir));
  if (missing.length > 0) fail(`no Allure results in ${missing.join(', ')}: run \`npm run gate\` first.`);
  const report = await generateAllureReport(paths, dirs);
  if (!report.ok) fail(`the report could not be built: ${report.error}`);
  process.stdout.write(`${howToOpenReport(paths)}\n`);
  return 0;
}

async function open(): Promise<number> {
  if (!existsSync(join(paths.allureReport, 'index.html'))) {
    fail(`no report in ${paths.allureReport}: run \`npm run gate\` or \`npm run report\` first.`);
  }
  const { ALLURE_PORT } = readVariables(process.env, ['ALLURE_PORT']);
  const port = ALLURE_PORT === undefined ? [] : ['--port', String(ALLURE_PORT)];
  return (
    await runAllure('open', [...port, paths.allureReport], { logFile: join(paths.logs, 'allure-open.log') })
  ).exitCode;
}

async function merge(): Promise<number> {
  const dirs = rest.length > 0 ? rest : shardResultsDirs(paths);
  if (dirs.length === 0) {
    fail(`no shard results under ${paths.shards}: run \`npm run gate -- --shard=i/n\` for each shard first.`);
  }
  const shardRunInfo = join(dirs[0] as string, '..', 'run-info.json');
  if (!existsSync(paths.runInfo) && existsSync(shardRunInfo)) copyFileSync(shardRunInfo, paths.runInfo);
  // The shards' recordings compared as one run, its results reported with the shards'.
  const recordings = rest.length > 0 ? undefined : shardRecordings(paths.shards);
  const fidelityResults = join(paths.fidelity, 'allure-results');
  rmSync(fidelityResults, { recursive: true, force: true });
  const fidelity =
    recordings &&
    checkFidelity(recordings.tenant, recordings.mock, {
      jsonFile: paths.fidelityReport,
      resultsDir: fidelityResults,
    });
  const all = fidelity ? [...dirs, fidelityResults] : dirs;
  process.stdout.write(`${prefixed(`merging ${all.length} result directories:`)}\n  ${all.join('\n  ')}\n`);
  const [report, qualityGate] = await allureReportSteps(paths, all);
  if (report.status !== 'passed') fail(`merged report: ${report.detail}`);
  const verdict = qualityGate.status === 'passed' ? 'passed' : `FAILED\n${qualityGate.detail}`;
  process.stdout.write(`${prefixed(`merged report: ${report.detail}; quality gate ${verdict}`)}\n`);
  process.stdout.write(`${howToOpenReport(paths)}\n`);
  if (fidelity) process.stdout.write(`${prefixed(fidelityLine(fidelity))}\n`);
  // What the quality gate counted, and why, read from the same results.
  const tally = tallyFailures(all);
  process.stdout.write(`${prefixed(`merged report: ${tallyLine(tally)}`)}\n`);
  const passed = qualityGate.status === 'passed' && fidelity?.verdict !== 'failed';
  const posted = await notifyRun({
    title: `${process.env.TARGET_ENV || 'mock'} (${dirs.length} shard(s) merged)`,
    passed,
    paths,
    failedTests: tally.failures,
    failedSteps:
      qualityGate.status === 'passed' ? [] : [{ name: 'quality gate', detail: qualityGate.detail }],
    ...(fidelity?.share == null ? {} : { fidelity: fidelity.share }),
  });
  if (posted.status !== 'skipped') process.stdout.write(`${prefixed(`summary post: ${posted.detail}`)}\n`);
  return passed ? 0 : 1;
}

const commands: Record<string, () => Promise<number>> = { generate, open, merge };
runMain(() => {
  const run = commands[command];
  if (!run) fail(`unknown report command "${command}": use generate, open or merge.`);
  return run();
});
