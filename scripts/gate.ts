/**
 * The CI gate: consumer → pact drift check → provider verification → API suites on the embedded mock →
 * Allure report → quality gate. Every step runs even when an earlier one failed, so the report shows
 * everything; the exit code is 0 only when every step passed.
 *
 *   npm run gate                   the whole gate
 *   npm run gate -- --shard=i/n    one shard of provider + API suites (the consumer step and the drift
 *                                  check run in shard 1 only); results in reports/shards/shard-i-of-n/,
 *                                  report and quality gate come from `npm run report:merge`
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvFiles } from '../src/env/env-files';
import { checkQualityGate, generateReport } from '../src/report/allure-cli';
import { parseShard, reportPaths, type Shard, shardName } from '../src/report/paths';
import {
  cleanDirectories,
  formatSummary,
  runCommand,
  type StepOutcome,
  writeAllureResult,
} from '../src/report/pipeline';
import { collectRunInfo, writeRunInfo } from '../src/report/run-info';

const PREFIX = '[enroll-factor-harness]';

function parseArguments(argv: readonly string[]): { shard: Shard | undefined } {
  let shard: Shard | undefined;
  for (const argument of argv) {
    if (argument.startsWith('--shard=')) shard = parseShard(argument.slice('--shard='.length));
    else {
      throw new Error(`${PREFIX} unknown gate option "${argument}". Usage: npm run gate [-- --shard=i/n]`);
    }
  }
  return { shard };
}

let options: ReturnType<typeof parseArguments>;
try {
  options = parseArguments(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
const { shard } = options;

loadEnvFiles();
process.env.FAKER_SEED ||= String(Math.floor(Math.random() * 2 ** 31));

const base = reportPaths();
const shardDir = shard ? join(base.shards, shardName(shard)) : undefined;
const env: NodeJS.ProcessEnv = shardDir ? { ALLURE_RESULTS_DIR: join(shardDir, 'allure-results') } : {};
const paths = reportPaths({ ...process.env, ...env });
const junitDir = shardDir ? join(shardDir, 'junit') : paths.junitDir;
const firstShard = !shard || shard.index === 1;

cleanDirectories([paths.allureResults, junitDir, paths.testResults, paths.logs, paths.allureReport]);
writeRunInfo(paths.runInfo, collectRunInfo(process.env, { shards: shard?.total }));
if (shardDir)
  writeRunInfo(join(shardDir, 'run-info.json'), collectRunInfo(process.env, { shards: shard?.total }));

const outcomes: StepOutcome[] = [];

async function step(name: string, body: () => Promise<Omit<StepOutcome, 'name' | 'durationMs'>>) {
  process.stdout.write(`\n${PREFIX} gate step: ${name}\n`);
  const started = Date.now();
  const outcome = { name, ...(await body()), durationMs: Date.now() - started };
  outcomes.push(outcome);
  return outcome;
}

async function playwright(project: string, options: { sharded: boolean }) {
  const args = ['playwright', 'test', `--project=${project}`, `--output=${join(paths.testResults, project)}`];
  if (options.sharded && shard) args.push(`--shard=${shard.index}/${shard.total}`);
  const { exitCode } = await runCommand('npx', args, {
    env: { ...env, PLAYWRIGHT_JUNIT_OUTPUT_FILE: join(junitDir, `${project}.xml`) },
    logFile: join(paths.logs, `${project}.log`),
  });
  return {
    status: exitCode === 0 ? ('passed' as const) : ('failed' as const),
    detail:
      exitCode === 0 ? '' : `playwright exited ${exitCode}; see the report and ${paths.logs}/${project}.log`,
  };
}

function hasNpmScript(name: string): boolean {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts?: Record<string, string> };
  return Boolean(pkg.scripts?.[name]);
}

const skippedInThisShard = { status: 'skipped' as const, detail: `runs in shard 1 only` };

await step('consumer pact tests', async () =>
  firstShard ? playwright('consumer', { sharded: false }) : skippedInThisShard,
);

await step('pact drift check', async () => {
  if (!firstShard) return skippedInThisShard;
  const startMs = Date.now();
  const name = 'pact drift check: the generated pacts equal the committed ones';
  if (!hasNpmScript('pact:drift')) {
    const message = `${PREFIX} the npm script "pact:drift" is missing, so contract drift cannot be checked. Add it to package.json.`;
    writeAllureResult(paths.allureResults, {
      name,
      status: 'broken',
      message,
      startMs,
      stopMs: Date.now(),
      layer: 'gate',
    });
    return { status: 'failed', detail: message };
  }
  const { exitCode, tail } = await runCommand('npm', ['run', '--silent', 'pact:drift'], {
    logFile: join(paths.logs, 'pact-drift.log'),
  });
  const passed = exitCode === 0;
  writeAllureResult(paths.allureResults, {
    name,
    status: passed ? 'passed' : 'failed',
    message: passed
      ? undefined
      : `${PREFIX} contract drift: the pacts differ from the committed ones.\n${tail}`,
    startMs,
    stopMs: Date.now(),
    layer: 'gate',
  });
  return {
    status: passed ? 'passed' : 'failed',
    detail: passed ? '' : 'pacts differ from the committed ones',
  };
});

await step('provider verification', () => playwright('provider', { sharded: true }));
await step('API suites', () => playwright('api', { sharded: true }));

if (shard) {
  process.stdout.write(
    `\n${PREFIX} shard ${shard.index}/${shard.total}: results in ${paths.allureResults}. ` +
      'After every shard, `npm run report:merge` builds the report and applies the quality gate.\n',
  );
} else {
  await step('Allure report', async () => {
    const { exitCode } = await generateReport(paths, [paths.allureResults]);
    return exitCode === 0
      ? { status: 'passed', detail: join(paths.allureReport, 'index.html') }
      : { status: 'failed', detail: `allure generate exited ${exitCode}` };
  });
  await step('quality gate', async () => {
    const { exitCode, tail } = await checkQualityGate(paths, [paths.allureResults]);
    const reason = tail
      .split('\n')
      .filter((line) => /tests|threshold|rate|fail/i.test(line))
      .slice(-3)
      .join(' ');
    return exitCode === 0 ? { status: 'passed', detail: '' } : { status: 'failed', detail: reason };
  });
}

process.stdout.write(formatSummary(shard ? `gate shard ${shard.index}/${shard.total}` : 'gate', outcomes));
process.exit(outcomes.some((outcome) => outcome.status === 'failed') ? 1 : 0);
