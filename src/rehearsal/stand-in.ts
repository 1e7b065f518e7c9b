import { MailDev } from 'maildev';
import type { CatalogOverrides, ShapeOverrides } from '../config/mock-values';
import { DECLARATION_SETS } from '../config/schema';
import { loadEnvFiles } from '../env/env-files';
import { prefixed } from '../errors';
import { tsxArgs } from '../process/run';
import { freePort, type RunningServer, startServer } from '../process/server';
import { startSmsSink } from './sms-sink';
import { standInUsers } from './stand-in-users';

/**
 * The stand-in for a real GenAuth environment: the mock started as a process of its own with `--no-control`
 * (reached only through the public API, as a tenant is), maildev for EMAIL codes and an SMS webhook sink,
 * each on a port of its own, and the designated users, the other user and a user for every role seeded with
 * passwords made up for the run (`stand-in-users.ts`). The rehearsal
 * drives the API suites and the provider verification through it; the fidelity check runs the API suites
 * through a clean one to compare with what a tenant answered.
 */

const log = (message: string) => process.stderr.write(`${prefixed(`stand-in: ${message}`)}\n`);

/** The variables that name a designated user or the other user: `GENAUTH_ACCOUNT`, `GENAUTH_ACCOUNT_<n>`, … */
const ACCOUNT_VARIABLE = /^GENAUTH_(OTHER_)?ACCOUNT(_\d+)?$/;

/** What a stand-in answers otherwise than the mock's rules on purpose, for the checks to find. */
export interface Plants {
  readonly catalogOverrides?: CatalogOverrides;
  readonly shapeOverrides?: ShapeOverrides;
}

export interface StandInOptions {
  /** The configuration: timing (`ENROLLMENT_TOKEN_TTL_SECONDS`, `MOCK_CODE_LENGTH`, `MOCK_LATENCY_MS`), users. */
  readonly env: NodeJS.ProcessEnv;
  /** What it is, in messages and the log's name. */
  readonly name: string;
  /** Where the mock's log goes. */
  readonly logFile: string;
  readonly plants?: Plants;
  /** Provider defects the mock ships (MOCK_DEFECTS). Default none. */
  readonly defects?: string;
  /**
   * Whether the mock takes none of this process's MOCK_* variables (a tenant behaviour a rehearsal sets, such
   * as MOCK_REFUSE_RESET), answering only as its rules and `plants` say. Default false.
   */
  readonly clean?: boolean;
}

export interface StandIn {
  /** The variables that point the suites at it: base URL, inboxes, the users' passwords and role users. */
  readonly env: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

/** A port handed out free that something else took before the stand-in could listen on it. */
const portTaken = (error: unknown) =>
  /EADDRINUSE|is in use/.test(error instanceof Error ? error.message : String(error));

/**
 * Starts a stand-in: maildev, the SMS sink and the mock, seeded with the users of `env`. Its ports are free
 * when chosen; one taken by another process before it listens (stand-ins started side by side) is chosen again.
 */
export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (!portTaken(error) || attempt === 3) throw error;
      log(`${options.name}: a port was taken before it listened; choosing others`);
    }
  }
}

async function startOnce(options: StandInOptions): Promise<StandIn> {
  const { env } = options;
  const [apiPort, mailWebPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  const { seedUsers, variables } = standInUsers(env);
  const maildev = new MailDev({
    smtp: smtpPort,
    ip: '127.0.0.1',
    web: mailWebPort,
    webIp: '127.0.0.1',
    silent: true,
  });
  const sink = await startSmsSink();
  let mock: RunningServer | undefined;
  const stop = async () => {
    await mock?.stop();
    await sink.close();
    await maildev.stop().catch(() => undefined);
  };
  try {
    await maildev.start();
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
        name: options.name,
        env: {
          MOCK_SEED_USERS: JSON.stringify(seedUsers),
          MOCK_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          MOCK_SMS_WEBHOOK_URL: `${sink.url}/sms`,
          MOCK_DEFECTS: options.defects ?? '',
          MOCK_CATALOG_OVERRIDES: JSON.stringify(options.plants?.catalogOverrides ?? {}),
          MOCK_SHAPE_OVERRIDES: JSON.stringify(options.plants?.shapeOverrides ?? []),
        },
        logFile: options.logFile,
        ...(options.clean ? { inherit: (name: string) => !name.startsWith('MOCK_') } : {}),
        ready: { url: `${baseUrl}/api/v3/list-factors-to-enroll` },
      },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  log(
    `${options.name}: mock (--no-control) on ${baseUrl}, enrollment token TTL ${env.ENROLLMENT_TOKEN_TTL_SECONDS} s, ` +
      `${env.MOCK_CODE_LENGTH ?? 6}-digit codes, latency ${env.MOCK_LATENCY_MS || 'none'}; ` +
      `maildev SMTP on 127.0.0.1:${smtpPort}; SMS sink ${sink.url}`,
  );
  return {
    env: {
      GENAUTH_BASE_URL: baseUrl,
      EMAIL_INBOX_URL: `http://127.0.0.1:${mailWebPort}`,
      SMS_INBOX_URL: `${sink.url}/messages`,
      ...variables,
    },
    stop,
  };
}

/** The groups of variables that describe a target environment and how the suites meet it. */
const TARGET_GROUPS = new Set(['target', 'users', 'test-data', 'inboxes', 'timing', 'limits']);

const TARGET_VARIABLES = new Set(
  DECLARATION_SETS.flatMap((set) =>
    Object.entries(set)
      .filter(([, declaration]) => TARGET_GROUPS.has(declaration.group))
      .map(([name]) => name),
  ),
);

/** A variable of the target: declared in a target group, a pool user's, or the mock's (the stand-in sets those). */
const isTargetVariable = (name: string) =>
  (TARGET_VARIABLES.has(name) && name !== 'FAKER_SEED') ||
  /^GENAUTH_(ACCOUNT|PASSWORD|ACCESS_TOKEN)_\d+$/.test(name) ||
  name.startsWith('MOCK_');

/**
 * The configuration of a clean stand-in for the same tests a run made against `env` (a tenant, or a planted
 * stand-in): the rehearsal's own (`.env.rehearsal`, the fast profile's short TTL, no latency), with the same
 * FAKER_SEED and the same designated users' and other user's account names, so the same tests make the same
 * calls. Nothing of the target's configuration is kept: its variables are blank where the rehearsal's file
 * does not set them, so no `.env` file brings them back.
 */
export function cleanStandInEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(env).filter(([name]) => !isTargetVariable(name) && !ACCOUNT_VARIABLE.test(name)),
  );
  const rehearsal: NodeJS.ProcessEnv = { TARGET_ENV: 'rehearsal' };
  loadEnvFiles(rehearsal);
  // The target's accounts where it names them: the users of the comparison are the same users. Where it has
  // users by access token only, the rehearsal's accounts stand in; where it has no other user, neither does this.
  const accounts = Object.fromEntries(
    Object.entries(env).filter(([name, value]) => ACCOUNT_VARIABLE.test(name) && value),
  );
  const designated = Object.keys(accounts).some((name) => !name.startsWith('GENAUTH_OTHER_'));
  const other = Boolean(env.GENAUTH_OTHER_ACCOUNT || env.GENAUTH_OTHER_ACCESS_TOKEN);
  for (const [name, value] of Object.entries(rehearsal)) {
    const skipped =
      name === 'GENAUTH_OTHER_ACCOUNT' ? !other || accounts[name] : designated && ACCOUNT_VARIABLE.test(name);
    // Blank, not left out: the workers read .env.rehearsal again, and a blank keeps its value out.
    clean[name] = skipped ? '' : value;
  }
  Object.assign(clean, accounts);
  for (const name of Object.keys(env)) {
    if (isTargetVariable(name) && clean[name] === undefined) clean[name] = '';
  }
  clean.TARGET_ENV = 'rehearsal';
  clean.FAKER_SEED = env.FAKER_SEED;
  // A clean stand-in plants nothing: the rehearsal's plants are for the side it compares with.
  clean.MOCK_CATALOG_OVERRIDES = '';
  clean.MOCK_SHAPE_OVERRIDES = '';
  return clean;
}
