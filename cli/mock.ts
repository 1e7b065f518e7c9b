/**
 * `npm run mock`: the GenAuth MFA simulator on its own, configured by flags or MOCK_* variables (a flag
 * wins). Every bad value is listed in one message before anything starts.
 */
import { parseArgs } from 'node:util';
import { ConfigurationError } from '../src/config/configuration-error';
import { variableProblems } from '../src/config/parsers';
import { variablesSchema } from '../src/config/schema';
import { HarnessError, prefixed } from '../src/errors';
import { isLoopbackHost, isWildcardHost } from '../src/mock/control/guard';
import { DefectListVariable } from '../src/mock/defect-set';
import type { MockOptions } from '../src/mock/options';
import { startMock } from '../src/mock/server';
import { runMain } from './main';

const USAGE = `Usage: npm run mock -- [options]

  --port <n>                       MOCK_PORT                        default 4010
  --host <addr>                    MOCK_HOST                        default 127.0.0.1
  --defects <a,b>                  MOCK_DEFECTS                     provider defects (src/mock/defects.ts)
  --no-control                     MOCK_CONTROL=false               no /__mock/ control plane
                                   MOCK_CONTROL_TOKEN               required header x-mock-control-token
  --control-hosts <a,b>            MOCK_CONTROL_HOSTS               more Host values the control plane accepts
  --token-ttl-seconds <n>          MOCK_TOKEN_TTL_SECONDS           enrollment token TTL, default 60
  --access-token-ttl-seconds <n>   MOCK_ACCESS_TOKEN_TTL_SECONDS    default 7200
  --code-length <n>                MOCK_CODE_LENGTH                 SMS/EMAIL code digits, default 6
  --resend-window-seconds <n>      MOCK_RESEND_WINDOW_SECONDS       default 60
  --user-idle-seconds <n>          MOCK_USER_IDLE_SECONDS           forget idle control-plane users, default 3600
  --rate-limit <n>                 MOCK_RATE_LIMIT_RPS              per user pool per second, 0 = off, default 1000
  --body-limit <bytes>             MOCK_BODY_LIMIT_BYTES            default 65536
  --factor-ids <format>            MOCK_FACTOR_IDS                  user-suffixed (<userId>|phone) or opaque
  --pool-name <name>               MOCK_USER_POOL_NAME              default GenAuthMock
  --latency-ms <min>-<max>         MOCK_LATENCY_MS                  every API answer takes min to max ms, e.g. 100-200
  --refuse-reset <types>           MOCK_REFUSE_RESET                factor types reset-factor refuses, e.g. SMS,EMAIL
                                   MOCK_SEED_USERS                  JSON array of {account,password,email?,phoneNumber?,factorTypes?,
                                                                    userPoolName?,appId?,userId?,rateLimitPerSecond?,refuseResetOf?,
                                                                    signInNeedsMfa?}
  --no-validate                    MOCK_VALIDATE_RESPONSES=false    skip contract validation of answers (benchmarks)
                                   MOCK_SMTP_URL, MOCK_SMTP_FROM    also mail EMAIL codes (e.g. smtp://127.0.0.1:1025)
                                   MOCK_SMS_WEBHOOK_URL             also POST SMS codes as JSON
                                   MOCK_CATALOG_OVERRIDES           rehearsal aid: answers replacing the error catalog's,
                                                                    e.g. {"factorAlreadyBound":{"statusCode":409}}
                                   MOCK_SHAPE_OVERRIDES             rehearsal aid: changes planted in named answers,
                                                                    e.g. [{"operation":"getFactor","path":"data.profile","change":"null"}]
  --log-level <level>              MOCK_LOG_LEVEL                   silent|error|warn|info|debug, default info
`;

/** Flags and the variables they stand for; a flag given on the command line wins over its variable. */
const FLAGS = {
  port: 'MOCK_PORT',
  host: 'MOCK_HOST',
  defects: 'MOCK_DEFECTS',
  'control-hosts': 'MOCK_CONTROL_HOSTS',
  'token-ttl-seconds': 'MOCK_TOKEN_TTL_SECONDS',
  'access-token-ttl-seconds': 'MOCK_ACCESS_TOKEN_TTL_SECONDS',
  'code-length': 'MOCK_CODE_LENGTH',
  'resend-window-seconds': 'MOCK_RESEND_WINDOW_SECONDS',
  'user-idle-seconds': 'MOCK_USER_IDLE_SECONDS',
  'rate-limit': 'MOCK_RATE_LIMIT_RPS',
  'body-limit': 'MOCK_BODY_LIMIT_BYTES',
  'factor-ids': 'MOCK_FACTOR_IDS',
  'pool-name': 'MOCK_USER_POOL_NAME',
  'latency-ms': 'MOCK_LATENCY_MS',
  'refuse-reset': 'MOCK_REFUSE_RESET',
  'log-level': 'MOCK_LOG_LEVEL',
} as const;

const MockEnvSchema = variablesSchema([
  'MOCK_PORT',
  'MOCK_HOST',
  'MOCK_CONTROL',
  'MOCK_CONTROL_TOKEN',
  'MOCK_CONTROL_HOSTS',
  'MOCK_TOKEN_TTL_SECONDS',
  'MOCK_ACCESS_TOKEN_TTL_SECONDS',
  'MOCK_CODE_LENGTH',
  'MOCK_RESEND_WINDOW_SECONDS',
  'MOCK_USER_IDLE_SECONDS',
  'MOCK_RATE_LIMIT_RPS',
  'MOCK_BODY_LIMIT_BYTES',
  'MOCK_FACTOR_IDS',
  'MOCK_USER_POOL_NAME',
  'MOCK_LATENCY_MS',
  'MOCK_REFUSE_RESET',
  'MOCK_SEED_USERS',
  'MOCK_VALIDATE_RESPONSES',
  'MOCK_SMTP_URL',
  'MOCK_SMTP_FROM',
  'MOCK_SMS_WEBHOOK_URL',
  'MOCK_CATALOG_OVERRIDES',
  'MOCK_SHAPE_OVERRIDES',
  'MOCK_LOG_LEVEL',
]).extend({ MOCK_DEFECTS: DefectListVariable });

function optionsFrom(argv: string[], env: NodeJS.ProcessEnv): MockOptions | 'help' {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      options: {
        ...Object.fromEntries(Object.keys(FLAGS).map((name) => [name, { type: 'string' as const }])),
        'no-control': { type: 'boolean' },
        'no-validate': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new HarnessError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return 'help';
  const variables: Record<string, string | undefined> = { ...env };
  // A bad value is named by where it came from: the flag when one was given, else the variable.
  const sources = new Map<string, string>();
  for (const [name, variable] of Object.entries(FLAGS)) {
    const value = values[name];
    if (typeof value !== 'string') continue;
    variables[variable] = value;
    sources.set(variable, `--${name}`);
  }
  const checked = MockEnvSchema.safeParse(variables);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => {
      const [problem = ''] = variableProblems([issue]);
      const variable = String(issue.path[0]);
      const flag = sources.get(variable);
      return flag ? `${flag}${problem.slice(variable.length)}` : problem;
    });
    throw new ConfigurationError(problems, {
      heading: 'The mock cannot start with these settings:',
      fix: `Fix the flags or MOCK_* variables (docs/mock.md describes them).\n\n${USAGE}`,
    });
  }
  const v = checked.data;
  return {
    port: v.MOCK_PORT,
    host: v.MOCK_HOST,
    defects: v.MOCK_DEFECTS,
    control: values['no-control'] ? false : v.MOCK_CONTROL,
    controlToken: v.MOCK_CONTROL_TOKEN,
    controlHosts: v.MOCK_CONTROL_HOSTS,
    enrollmentTokenTtlSeconds: v.MOCK_TOKEN_TTL_SECONDS,
    accessTokenTtlSeconds: v.MOCK_ACCESS_TOKEN_TTL_SECONDS,
    codeLength: v.MOCK_CODE_LENGTH,
    resendWindowSeconds: v.MOCK_RESEND_WINDOW_SECONDS,
    userIdleSeconds: v.MOCK_USER_IDLE_SECONDS,
    rateLimitPerSecond: v.MOCK_RATE_LIMIT_RPS,
    bodyLimitBytes: v.MOCK_BODY_LIMIT_BYTES,
    factorIds: v.MOCK_FACTOR_IDS,
    defaultUserPoolName: v.MOCK_USER_POOL_NAME,
    latency: v.MOCK_LATENCY_MS,
    refuseResetOf: v.MOCK_REFUSE_RESET,
    seedUsers: v.MOCK_SEED_USERS,
    validateResponses: values['no-validate'] ? false : v.MOCK_VALIDATE_RESPONSES,
    smtpUrl: v.MOCK_SMTP_URL,
    smtpFrom: v.MOCK_SMTP_FROM,
    smsWebhookUrl: v.MOCK_SMS_WEBHOOK_URL,
    catalogOverrides: v.MOCK_CATALOG_OVERRIDES,
    shapeOverrides: v.MOCK_SHAPE_OVERRIDES,
    logLevel: v.MOCK_LOG_LEVEL,
  };
}

runMain(async () => {
  const options = optionsFrom(process.argv.slice(2), process.env);
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  let mock: Awaited<ReturnType<typeof startMock>>;
  try {
    mock = await startMock(options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new HarnessError(`port ${options.port} is in use; pick another with --port`);
    }
    throw error;
  }
  process.stdout.write(`GenAuth MFA mock listening on ${mock.url}\n`);
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    // The URL above is how to reach it from this machine; say plainly that others can reach it too.
    const where = isWildcardHost(host) ? 'every network interface' : host;
    process.stdout.write(`  bound to ${host}:${mock.port} (${where}), not only loopback\n`);
    process.stderr.write(
      `${prefixed(`warning: the mock listens on ${where}: anyone who can reach this machine on port ${mock.port} can use its API and sign in as its users`)}\n`,
    );
  }
  process.stdout.write(
    `  control plane: ${options.control === false ? 'off' : `${mock.url}/__mock/health`}\n`,
  );
  for (const user of mock.seededUsers) {
    process.stdout.write(
      `  seeded user ${user.account}: userId ${user.userId}, appId ${user.appId}, pool ${user.userPoolName}\n`,
    );
  }
  if (options.defects?.length) process.stdout.write(`  defects: ${options.defects.join(', ')}\n`);

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`${signal}: stopping the mock\n`);
      mock.close().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
});
