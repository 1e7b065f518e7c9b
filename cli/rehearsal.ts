import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ShapeOverrides } from '../src/config/mock-values';
import { runSeed } from '../src/env/config';
import { loadEnvFiles } from '../src/env/env-files';
import { HarnessError, prefixed } from '../src/errors';
import { checkFidelity } from '../src/fidelity/check';
import { checkPlanted, plantedDifferences, plantedLine } from '../src/fidelity/planted';
import { type MockOptions, resolveMockOptions } from '../src/mock/options';
import { PLAYWRIGHT_CLI, run } from '../src/process/run';
import {
  clearSide,
  FAST_WORKERS,
  finishSide,
  recordStandInSide,
  sideFiles,
} from '../src/rehearsal/recorded-run';
import { startStandIn } from '../src/rehearsal/stand-in';
import { generateAllureReport, howToOpenReport } from '../src/report/allure-report';
import { missingPlantedDisagreement, recordCatalogObservations } from '../src/report/catalog-observations';

import { reportPaths } from '../src/report/paths';
import { setAsideOutputs } from '../src/report/previous-outputs';
import { environmentSuiteArgs } from '../src/suites';
import { runMain } from './main';

/**
 * The real-environment rehearsal: the API suites and the provider verification run through the
 * real-environment path (no control plane, real waiting, codes from a mail catcher and an SMS webhook sink,
 * designated users signing in with a password, provider states set up through the public API) against a
 * stand-in: the mock started as a separate process with `--no-control` (src/rehearsal/stand-in.ts).
 *
 *   npm run rehearsal [-- --profile=remote] [playwright arguments]
 *
 * Profiles: `fast` (default: `.env.rehearsal`, a 4 s TTL on loopback, what `npm test` runs) and `remote` (a
 * hosted GenAuth: the documented 60 s TTL and 100 to 200 ms of latency on every answer, what the nightly
 * workflow rehearses). The process environment overrides either. Addresses come from the committed
 * `.env.rehearsal`; the passwords are made up per run. Extra arguments go to `playwright test` (default one
 * worker per core, at least two; 12 for the remote profile, so its minute-long waits overlap).
 *
 * The stand-in answers some scenarios otherwise than the mock's rules on purpose (`.env.rehearsal`): one
 * differently from the error catalog (`MOCK_CATALOG_OVERRIDES`), which the catalog observations must show with
 * its correction; and changed answers only the fidelity check can see (`MOCK_SHAPE_OVERRIDES`). At the same time
 * the API suites run against a clean stand-in (the fast profile), recording every exchange on both sides; the
 * fidelity check compares them and must find every planted difference, as mock drift with its proposal, and
 * nothing else. Otherwise the rehearsal fails. A run narrowed by arguments compares what it ran, unchecked.
 */

const log = (message: string) => process.stderr.write(`${prefixed(`rehearsal: ${message}`)}\n`);

/** The planted answers of `.env.rehearsal`, checked as the mock would check them. */
function plants(env: NodeJS.ProcessEnv) {
  const parse = (name: string, json: string | undefined, empty: string, example: string): unknown => {
    try {
      return JSON.parse(json?.trim() || empty);
    } catch {
      throw new HarnessError(`rehearsal: ${name} in .env.rehearsal is not valid JSON; give e.g. ${example}`);
    }
  };
  const resolved = resolveMockOptions({
    catalogOverrides: parse(
      'MOCK_CATALOG_OVERRIDES',
      env.MOCK_CATALOG_OVERRIDES,
      '{}',
      '{"factorAlreadyBound":{"statusCode":409}}',
    ) as MockOptions['catalogOverrides'],
    shapeOverrides: parse(
      'MOCK_SHAPE_OVERRIDES',
      env.MOCK_SHAPE_OVERRIDES,
      '[]',
      '[{"operation":"getFactor","path":"data.profile.phoneCountryCode","change":"null"}]',
    ) as ShapeOverrides,
  });
  return { catalogOverrides: resolved.catalogOverrides, shapeOverrides: resolved.shapeOverrides };
}

/**
 * What each profile sets before `.env.rehearsal` (the process environment still overrides it), and how many
 * workers it runs: the remote profile's tests mostly wait on the network, so more overlap, and eight of them
 * hold their worker for a whole minute (four expiry checks, two resend windows, two pacts' expired states):
 * twelve leave the rest four workers while the API suite's six wait side by side. Its pool
 * is sized as docs/environments.md advises a nightly's: at a 60 s TTL, the API suite's SMS expiry check, its SMS
 * resend window and each pact's expired-enrollment state (both pacts' use SMS) hold SMS on a designated user for
 * a whole minute, so four users let the four run side by side instead of two rounds.
 */
const PROFILES = {
  fast: { env: {}, workers: FAST_WORKERS },
  remote: {
    env: {
      ENROLLMENT_TOKEN_TTL_SECONDS: '60',
      EXPIRY_MARGIN_MS: '1000',
      MOCK_LATENCY_MS: '100-200',
      GENAUTH_ACCOUNT_3: 'rehearsal-user-3',
      GENAUTH_ACCOUNT_4: 'rehearsal-user-4',
    },
    workers: 12,
  },
} as const satisfies Record<string, { env: NodeJS.ProcessEnv; workers: number }>;

type Profile = keyof typeof PROFILES;

/** `--profile=<name>` among the arguments, and the arguments left for Playwright. */
function profileOf(args: readonly string[]): { profile: Profile; rest: string[] } {
  const flag = args.find((arg) => arg.startsWith('--profile='));
  const name = flag?.slice('--profile='.length) ?? 'fast';
  if (!Object.hasOwn(PROFILES, name)) {
    throw new HarnessError(
      `rehearsal: no profile "${name}"; use ${Object.keys(PROFILES)
        .map((p) => `--profile=${p}`)
        .join(' or ')}`,
    );
  }
  return { profile: name as Profile, rest: args.filter((arg) => arg !== flag) };
}

/** The arguments that pick tests, for the mock side: the tenant side's reporters and workers are its own. */
function selectionOf(args: readonly string[]): string[] {
  const picked: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (/^--(reporter|workers)=/.test(arg) || /^-j\d/.test(arg)) continue;
    if (arg === '--reporter' || arg === '--workers' || arg === '-j') {
      i += 1;
      continue;
    }
    picked.push(arg);
  }
  return picked;
}

/**
 * `--tests-only`: the suites through the planted stand-in and nothing else (no clean side, no comparison, no
 * report), for a check of the suites' own behaviour there (a self-test, the bench's expiry timing).
 */
const TESTS_ONLY = '--tests-only';

async function main(): Promise<number> {
  const { profile, rest } = profileOf(process.argv.slice(2));
  const testsOnly = rest.includes(TESTS_ONLY);
  const extra = rest.filter((arg) => arg !== TESTS_ONLY);
  const env: NodeJS.ProcessEnv = { ...PROFILES[profile].env, ...process.env, TARGET_ENV: 'rehearsal' };
  loadEnvFiles(env);
  // Both sides build the same test data.
  runSeed(env);
  const reports = reportPaths({ REPORTS_DIR: process.env.REPORTS_DIR ?? 'reports/rehearsal' });
  const previous = setAsideOutputs([reports.allureResults, reports.fidelity, reports.allureReport]);
  const planted = plants(env);
  const narrowed = extra.length > 0;

  const standIn = await startStandIn({
    env,
    name: 'planted stand-in',
    logFile: join(reports.logs, 'rehearsal-mock.log'),
    plants: planted,
    defects: process.env.MOCK_DEFECTS,
  });
  try {
    const workers = extra.some((arg) => arg.startsWith('--workers') || arg === '-j')
      ? []
      : [`--workers=${PROFILES[profile].workers}`];
    const suites = (recordInto?: string) =>
      run(process.execPath, [PLAYWRIGHT_CLI, 'test', ...environmentSuiteArgs(), ...workers, ...extra], {
        env: {
          ...env,
          ...standIn.env,
          REPORTS_DIR: reports.root,
          ...(recordInto ? { HARNESS_FIDELITY_DIR: recordInto } : {}),
        },
        echo: true,
      });
    if (testsOnly) return (await suites()).exitCode;
    clearSide(reports.fidelity, 'tenant');
    // The two sides at once: the clean side's fast profile ends well within the planted side's run.
    const [tenantRun, mockSide] = await Promise.all([
      suites(sideFiles(reports.fidelity, 'tenant').dir),
      recordStandInSide({ env, select: { args: selectionOf(extra) }, fidelityDir: reports.fidelity }),
    ]);
    const tenant = finishSide(reports.fidelity, 'tenant', { target: 'rehearsal', fakerSeed: env.FAKER_SEED });

    const table = recordCatalogObservations({
      resultsDir: reports.allureResults,
      jsonFile: reports.catalogObserved,
      target: 'rehearsal',
      out: process.stderr,
    });
    const report = checkFidelity(tenant, mockSide.recording, {
      jsonFile: reports.fidelityReport,
      resultsDir: reports.allureResults,
      out: process.stderr,
    });
    if (mockSide.exitCode !== 0) {
      log(`the API suites failed against the clean stand-in; see ${join(reports.fidelity, 'mock-side')}`);
    }
    // Its own HTML report, with the fidelity suite, built as the gate's is, under reports/rehearsal.
    const htmlReport = await generateAllureReport(reports, [reports.allureResults]);
    if (htmlReport.ok) process.stderr.write(`${howToOpenReport(reports)}\n`);
    else log(`the report could not be built: ${htmlReport.error}`);
    const sidesFailed = tenantRun.exitCode !== 0 || mockSide.exitCode !== 0 || !htmlReport.ok ? 1 : 0;
    if (narrowed) {
      log('the run was narrowed by arguments, so the planted differences are not checked');
      return sidesFailed;
    }
    const catalogProblems = Object.entries(planted.catalogOverrides).flatMap(
      ([scenario, answer]) => missingPlantedDisagreement(table, scenario, answer) ?? [],
    );
    for (const problem of catalogProblems) log(problem);
    if (catalogProblems.length === 0 && Object.keys(planted.catalogOverrides).length > 0) {
      log(
        `the planted disagreement (${Object.keys(planted.catalogOverrides).join(', ')}) was observed and its correction proposed`,
      );
    }
    const fidelity = checkPlanted(
      report,
      plantedDifferences(planted.catalogOverrides, planted.shapeOverrides),
      'mock drift',
    );
    for (const problem of fidelity.problems) log(problem);
    log(plantedLine(fidelity, 'mock drift'));
    for (const { plant, findings } of fidelity.plants) {
      for (const finding of findings)
        log(`  ${plant} → ${finding.class}; proposal (${finding.proposal.to}): ${finding.proposal.change}`);
    }
    mkdirSync(reports.root, { recursive: true });
    writeFileSync(
      join(reports.root, 'fidelity-planted.json'),
      `${JSON.stringify({ profile, share: report.share, scenarios: report.scenarios, ...fidelity }, null, 2)}\n`,
    );
    return catalogProblems.length > 0 || fidelity.problems.length > 0 ? 1 : sidesFailed;
  } finally {
    await standIn.stop();
    await previous.settle(reports.allureResults);
  }
}

runMain(main);
