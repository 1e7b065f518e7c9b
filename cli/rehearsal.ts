import { join } from 'node:path';
import { MailDev } from 'maildev';
import { loadEnvFiles } from '../src/env/env-files';
import { HarnessError, prefixed } from '../src/errors';
import { type MockOptions, resolveMockOptions } from '../src/mock/options';
import { PLAYWRIGHT_CLI, run, tsxArgs } from '../src/process/run';
import { freePort, type RunningServer, startServer } from '../src/process/server';
import { startSmsSink } from '../src/rehearsal/sms-sink';
import { standInUsers } from '../src/rehearsal/stand-in-users';
import { generateAllureReport, howToOpenReport } from '../src/report/allure-report';
import { missingPlantedDisagreement, recordCatalogObservations } from '../src/report/catalog-observations';
import { clearOutputs } from '../src/report/clear-outputs';
import { reportPaths } from '../src/report/paths';
import { environmentSuiteArgs } from '../src/suites';
import { runMain } from './main';

/**
 * The real-environment rehearsal: the API suites and the provider verification run through the
 * real-environment path (no control plane, real waiting, codes from a mail catcher and an SMS webhook sink,
 * designated users signing in with a password, provider states set up through the public API) against the
 * mock started as a separate process with `--no-control`.
 *
 *   npm run rehearsal [-- --profile=remote] [playwright arguments]
 *
 * Profiles: `fast` (default: `.env.rehearsal`, a 4 s TTL on loopback, what `npm test` runs) and `remote` (a
 * hosted GenAuth: the documented 60 s TTL and 100 to 200 ms of latency on every answer, what the nightly
 * workflow rehearses). The process environment overrides either. Addresses come from the committed
 * `.env.rehearsal`; the passwords are made up per run. Extra arguments go to `playwright test` (default
 * `--workers=4`, 12 for the remote profile, so the real waits overlap).
 *
 * The stand-in answers one scenario differently from the error catalog (`MOCK_CATALOG_OVERRIDES` in
 * `.env.rehearsal`); after the run the catalog observations (as `npm run catalog:observed`) must show that
 * disagreement and propose its correction, or the rehearsal fails.
 */

const log = (message: string) => process.stderr.write(`${prefixed(`rehearsal: ${message}`)}\n`);

/** The answers the stand-in gives instead of the catalog's, checked as the mock would check them. */
function plantedOverrides(json: string | undefined) {
  let value: unknown;
  try {
    value = JSON.parse(json?.trim() || '{}');
  } catch {
    throw new HarnessError(
      'rehearsal: MOCK_CATALOG_OVERRIDES in .env.rehearsal is not valid JSON; give e.g. {"factorAlreadyBound":{"statusCode":409}}',
    );
  }
  return resolveMockOptions({ catalogOverrides: value as MockOptions['catalogOverrides'] }).catalogOverrides;
}

/**
 * What each profile sets before `.env.rehearsal` (the process environment still overrides it), and how many
 * workers it runs: the remote profile's tests mostly wait on the network, so more overlap, and eight of them
 * hold their worker for a whole minute (four expiry checks, two resend windows, two pacts' expired states):
 * twelve leave the rest four workers while the API suite's six wait side by side. Its pool
 * is sized as docs/environments.md advises a nightly's: at a 60 s TTL, the API suite's SMS expiry check and each
 * pact's expired-enrollment state (both pacts' use SMS) hold SMS on a designated user for a whole TTL, so a
 * third user lets the three run side by side instead of two rounds.
 */
const PROFILES = {
  fast: { env: {}, workers: 4 },
  remote: {
    env: {
      ENROLLMENT_TOKEN_TTL_SECONDS: '60',
      EXPIRY_MARGIN_MS: '1000',
      MOCK_LATENCY_MS: '100-200',
      GENAUTH_ACCOUNT_3: 'rehearsal-user-3',
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

async function main(): Promise<number> {
  const { profile, rest: extra } = profileOf(process.argv.slice(2));
  const env: NodeJS.ProcessEnv = { ...PROFILES[profile].env, ...process.env, TARGET_ENV: 'rehearsal' };
  loadEnvFiles(env);
  // Ports of their own, so rehearsals on one machine (two checkouts, a bench beside a test run) never meet.
  // The SMS sink listens on a port the system gives it.
  const [apiPort, mailWebPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
  Object.assign(env, {
    GENAUTH_BASE_URL: `http://127.0.0.1:${apiPort}`,
    EMAIL_INBOX_URL: `http://127.0.0.1:${mailWebPort}`,
  });
  const reports = reportPaths({ REPORTS_DIR: process.env.REPORTS_DIR ?? 'reports/rehearsal' });
  const previousRunRemoved = clearOutputs([reports.allureResults]);
  // A disagreement the stand-in answers on purpose, for the catalog observations to find (.env.rehearsal).
  const planted = plantedOverrides(env.MOCK_CATALOG_OVERRIDES);

  // The designated users, the other user and a user for every role, with passwords made up for this run.
  const users = standInUsers(env);

  const maildev = new MailDev({
    smtp: smtpPort,
    ip: '127.0.0.1',
    web: mailWebPort,
    webIp: '127.0.0.1',
    silent: true,
  });
  const sink = await startSmsSink();
  env.SMS_INBOX_URL = `${sink.url}/messages`;
  let mock: RunningServer | undefined;
  try {
    await maildev.start();
    log(`maildev SMTP on 127.0.0.1:${smtpPort}, HTTP API ${env.EMAIL_INBOX_URL}; SMS sink ${sink.url}`);
    mock = await startServer(
      process.execPath,
      tsxArgs(
        'cli/mock.ts',
        '--no-control',
        '--port',
        String(apiPort),
        '--token-ttl-seconds',
        env.ENROLLMENT_TOKEN_TTL_SECONDS ?? '60',
        '--code-length',
        env.MOCK_CODE_LENGTH ?? '6',
        ...(env.MOCK_LATENCY_MS ? ['--latency-ms', env.MOCK_LATENCY_MS] : []),
        ...(env.PAYLOAD_LIMIT_BYTES ? ['--body-limit', env.PAYLOAD_LIMIT_BYTES] : []),
        '--log-level',
        'warn',
      ),
      {
        name: 'the rehearsal mock',
        env: {
          MOCK_SEED_USERS: JSON.stringify(users.seedUsers),
          MOCK_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          MOCK_SMS_WEBHOOK_URL: `${sink.url}/sms`,
          MOCK_DEFECTS: process.env.MOCK_DEFECTS ?? '',
          MOCK_CATALOG_OVERRIDES: JSON.stringify(planted),
        },
        logFile: join(reports.logs, 'rehearsal-mock.log'),
        ready: { url: `${env.GENAUTH_BASE_URL}/api/v3/list-factors-to-enroll` },
      },
    );
    log(
      `profile ${profile}: mock (--no-control) on ${env.GENAUTH_BASE_URL}, enrollment token TTL ` +
        `${env.ENROLLMENT_TOKEN_TTL_SECONDS} s, ${env.MOCK_CODE_LENGTH ?? 6}-digit codes, latency ` +
        `${env.MOCK_LATENCY_MS ?? 'none'}`,
    );

    const workers = extra.some((arg) => arg.startsWith('--workers') || arg === '-j')
      ? []
      : [`--workers=${PROFILES[profile].workers}`];
    const { exitCode } = await run(
      process.execPath,
      [PLAYWRIGHT_CLI, 'test', ...environmentSuiteArgs(), ...workers, ...extra],
      { env: { ...env, ...users.variables, REPORTS_DIR: reports.root }, echo: true },
    );
    const table = recordCatalogObservations({
      resultsDir: reports.allureResults,
      jsonFile: reports.catalogObserved,
      target: 'rehearsal',
      out: process.stderr,
    });
    // Its own HTML report, built as the gate's is, under reports/rehearsal.
    const report = await generateAllureReport(reports, [reports.allureResults]);
    if (report.ok) process.stderr.write(`${howToOpenReport(reports)}\n`);
    else log(`the report could not be built: ${report.error}`);
    const ranOrReported = report.ok ? exitCode : 1;
    if (extra.length > 0) {
      log('the run was narrowed by arguments, so the planted disagreement is not checked');
      return ranOrReported;
    }
    const problems = Object.entries(planted).flatMap(
      ([scenario, answer]) => missingPlantedDisagreement(table, scenario, answer) ?? [],
    );
    for (const problem of problems) log(problem);
    if (problems.length === 0 && Object.keys(planted).length > 0) {
      log(
        `the planted disagreement (${Object.keys(planted).join(', ')}) was observed and its correction proposed`,
      );
    }
    return problems.length > 0 ? 1 : ranOrReported;
  } finally {
    await mock?.stop();
    await sink.close();
    await maildev.stop().catch(() => undefined);
    await previousRunRemoved;
  }
}

runMain(main);
