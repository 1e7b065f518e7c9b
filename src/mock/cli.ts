import { parseArgs } from 'node:util';
import { parseFaults } from './faults';
import { type LogLevel, type MockOptions, parseSeedUsers } from './options';
import { startMock } from './server';

const USAGE = `Usage: npm run mock -- [options]

  --port <n>                       MOCK_PORT                        default 4010
  --host <addr>                    MOCK_HOST                        default 127.0.0.1
  --faults <a,b>                   MOCK_FAULTS                      provider defects (src/mock/defects.ts)
  --no-control                     MOCK_CONTROL=false               no /__mock/ control plane
                                   MOCK_CONTROL_TOKEN               required header x-mock-control-token
  --token-ttl-seconds <n>          MOCK_TOKEN_TTL_SECONDS           enrollment token TTL, default 60
  --access-token-ttl-seconds <n>   MOCK_ACCESS_TOKEN_TTL_SECONDS    default 7200
  --code-length <n>                MOCK_CODE_LENGTH                 SMS/EMAIL code digits, default 6
  --resend-window-seconds <n>      MOCK_RESEND_WINDOW_SECONDS       default 60
  --rate-limit <n>                 MOCK_RATE_LIMIT_RPS              per user pool per second, 0 = off, default 1000
  --body-limit <bytes>             MOCK_BODY_LIMIT_BYTES            default 65536
  --pool-name <name>               MOCK_USER_POOL_NAME              default GenAuthMock
                                   MOCK_SEED_USERS                  JSON array of {account,password,email?,phoneNumber?,factorTypes?,userPoolName?,appId?,userId?}
  --no-validate                    MOCK_VALIDATE_RESPONSES=false    skip contract validation of answers (benchmarks)
                                   MOCK_SMTP_URL, MOCK_SMTP_FROM    also mail EMAIL codes (e.g. smtp://127.0.0.1:1025)
                                   MOCK_SMS_WEBHOOK_URL             also POST SMS codes as JSON
  --log-level <level>              MOCK_LOG_LEVEL                   silent|error|warn|info|debug, default info
`;

function fail(message: string): never {
  process.stderr.write(`[enroll-factor-harness] ${message}\n\n${USAGE}`);
  process.exit(2);
}

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) fail(`${name} must be a number, got "${value}"`);
  return parsed;
}

function booleanEnv(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  fail(`${name} must be true or false, got "${value}"`);
}

function optionsFrom(argv: string[], env: NodeJS.ProcessEnv): MockOptions {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        faults: { type: 'string' },
        'no-control': { type: 'boolean' },
        'token-ttl-seconds': { type: 'string' },
        'access-token-ttl-seconds': { type: 'string' },
        'code-length': { type: 'string' },
        'resend-window-seconds': { type: 'string' },
        'rate-limit': { type: 'string' },
        'body-limit': { type: 'string' },
        'pool-name': { type: 'string' },
        'no-validate': { type: 'boolean' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const text = (flag: string, variable: string) => (values[flag] as string | undefined) ?? env[variable];
  const logLevel = (text('log-level', 'MOCK_LOG_LEVEL') ?? 'info') as LogLevel;
  if (!['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'].includes(logLevel)) {
    fail(`log level must be silent, error, warn, info or debug, got "${logLevel}"`);
  }
  return {
    port: numberOption('port', text('port', 'MOCK_PORT')) ?? 4010,
    host: text('host', 'MOCK_HOST'),
    faults: parseFaults(text('faults', 'MOCK_FAULTS')),
    control: values['no-control'] ? false : booleanEnv('MOCK_CONTROL', env.MOCK_CONTROL),
    controlToken: env.MOCK_CONTROL_TOKEN || undefined,
    enrollmentTokenTtlSeconds: numberOption('token TTL', text('token-ttl-seconds', 'MOCK_TOKEN_TTL_SECONDS')),
    accessTokenTtlSeconds: numberOption(
      'access token TTL',
      text('access-token-ttl-seconds', 'MOCK_ACCESS_TOKEN_TTL_SECONDS'),
    ),
    codeLength: numberOption('code length', text('code-length', 'MOCK_CODE_LENGTH')),
    resendWindowSeconds: numberOption(
      'resend window',
      text('resend-window-seconds', 'MOCK_RESEND_WINDOW_SECONDS'),
    ),
    rateLimitPerSecond: numberOption('rate limit', text('rate-limit', 'MOCK_RATE_LIMIT_RPS')),
    bodyLimitBytes: numberOption('body limit', text('body-limit', 'MOCK_BODY_LIMIT_BYTES')),
    defaultUserPoolName: text('pool-name', 'MOCK_USER_POOL_NAME'),
    seedUsers: parseSeedUsers(env.MOCK_SEED_USERS),
    validateResponses: values['no-validate']
      ? false
      : booleanEnv('MOCK_VALIDATE_RESPONSES', env.MOCK_VALIDATE_RESPONSES),
    smtpUrl: env.MOCK_SMTP_URL || undefined,
    smtpFrom: env.MOCK_SMTP_FROM || undefined,
    smsWebhookUrl: env.MOCK_SMS_WEBHOOK_URL || undefined,
    logLevel,
  };
}

async function main(): Promise<void> {
  let options: MockOptions;
  try {
    options = optionsFrom(process.argv.slice(2), process.env);
  } catch (error) {
    fail((error as Error).message.replace(/^\[enroll-factor-harness\] /, ''));
  }
  let mock: Awaited<ReturnType<typeof startMock>>;
  try {
    mock = await startMock(options);
  } catch (error) {
    const message = (error as Error).message.replace(/^\[enroll-factor-harness\] /, '');
    fail(
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `port ${options.port} is in use; pick another with --port`
        : message,
    );
  }
  process.stdout.write(`GenAuth MFA mock listening on ${mock.url}\n`);
  process.stdout.write(
    `  control plane: ${options.control === false ? 'off' : `${mock.url}/__mock/health`}\n`,
  );
  for (const user of mock.seededUsers) {
    process.stdout.write(
      `  seeded user ${user.account}: userId ${user.userId}, appId ${user.appId}, pool ${user.userPoolName}\n`,
    );
  }
  if (options.faults?.length) process.stdout.write(`  faults: ${options.faults.join(', ')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping the mock\n`);
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
