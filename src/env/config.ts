import { z } from 'zod';
import { DefectListVariable, defectListOf } from '../mock/defect-set';
import type { DefectId } from '../mock/defects';
import { CodeLengthVariable, type FactorIdFormat, FactorIdsVariable } from '../mock/options';
import { shardOf } from '../shards';
import { ConfigurationError, httpUrl, type LatencyRange, latencyRange, wholeNumber } from '../variables';
import { DEFAULT_TARGET_ENV } from './env-files';
import { poolPrefixes, poolVariable, shareOfPool } from './pool-variables';

/**
 * The harness configuration, read from environment variables (after `.env` and `.env.<TARGET_ENV>` are
 * loaded) and validated before any test runs. Every variable is described in `.env.example`.
 */

export const INBOX_KINDS = ['mock', 'maildev', 'http-json', 'static'] as const;

/** A code in a message: four or six digits standing alone (GenAuth sends either, per the app's settings). */
export const DEFAULT_CODE_PATTERN = '(?<!\\d)\\d{4}(?:\\d{2})?(?!\\d)';

/** What a loopback mock answers in; what a hosted environment is assumed to take at most, unless told. */
const NO_LATENCY: LatencyRange = { minMs: 0, maxMs: 0 };
const REAL_LATENCY: LatencyRange = { minMs: 0, maxMs: 1_000 };

export type InboxConfig =
  | { readonly kind: 'mock' }
  | { readonly kind: 'maildev' | 'http-json'; readonly url: string }
  | { readonly kind: 'static'; readonly code: string };

export type Credentials =
  | { readonly accessToken: string }
  | { readonly account: string; readonly password: string };

export interface FacePhoto {
  readonly photo: string;
  readonly isExternalPhoto: boolean;
}

export interface HarnessConfig {
  readonly targetEnv: string;
  /** `mock` drives the embedded mock through its control plane; `real` uses only the public API. */
  readonly kind: 'mock' | 'real';
  /** Unset on `mock` when the embedded mock is to be started. */
  readonly baseUrl?: string;
  readonly appId?: string;
  readonly user?: Credentials;
  /** More designated users (`GENAUTH_ACCOUNT_<n>`…): tests of one factor type run side by side on them. */
  readonly poolUsers: readonly Credentials[];
  readonly otherUser?: Credentials;
  /** A user of its own for the journeys that bind every factor type at once (`GENAUTH_MULTIFACTOR_*`). */
  readonly multiFactorUser?: Credentials;
  readonly userPoolName?: string;
  readonly inboxes: { readonly SMS: InboxConfig; readonly EMAIL: InboxConfig };
  readonly codePattern: RegExp;
  readonly codeTimeoutMs: number;
  readonly enrollmentTokenTtlSeconds: number;
  readonly expiryMarginMs: number;
  /**
   * How long the target takes to answer a request (`LATENCY_MS`): test budgets allow for the slowest. Default:
   * the embedded mock's `MOCK_LATENCY_MS` (none unless set), or up to a second on a real target.
   */
  readonly latency: LatencyRange;
  /** The latency the embedded mock adds to every answer (`MOCK_LATENCY_MS`); unset: none. */
  readonly mockLatency?: LatencyRange;
  /** Unset on `mock`: tests build photo URLs with faker. */
  readonly facePhoto?: FacePhoto;
  readonly emailDomain: string;
  readonly fakerSeed: number;
  readonly mockControlToken?: string;
  /** Provider defects the embedded mock ships (`MOCK_DEFECTS`, or its old name `MOCK_FAULTS`). */
  readonly mockDefects: readonly DefectId[];
  /** Factor ids the embedded mock issues (`MOCK_FACTOR_IDS`; unset: its default): suites work with either. */
  readonly mockFactorIds?: FactorIdFormat;
  /** Parallel requests known to exceed the target's rate limit (`THROTTLE_BURST`); unset: not provoked (real). */
  readonly throttleBurst?: number;
  /** The target's request body limit (`PAYLOAD_LIMIT_BYTES`); unset on a real target: not provoked. */
  readonly payloadLimitBytes?: number;
  /** Digits of the embedded mock's SMS and EMAIL codes (`MOCK_CODE_LENGTH`); unset: the mock's default. */
  readonly mockCodeLength?: number;
}

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalString = z.preprocess(blankToUndefined, z.string().optional());
const positiveInt = (fallback: number) => wholeNumber(1).default(fallback);
const inboxKind = z.preprocess(
  blankToUndefined,
  z.enum(INBOX_KINDS, { error: `must be one of ${INBOX_KINDS.join(', ')}` }).optional(),
);

const EnvSchema = z.object({
  TARGET_ENV: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[\w.-]+$/, { error: 'may contain only letters, digits, ".", "_" and "-"' })
      .default(DEFAULT_TARGET_ENV),
  ),
  GENAUTH_BASE_URL: httpUrl('https://example.genauth.ai'),
  GENAUTH_APP_ID: optionalString,
  GENAUTH_ACCESS_TOKEN: optionalString,
  GENAUTH_ACCOUNT: optionalString,
  GENAUTH_PASSWORD: optionalString,
  GENAUTH_OTHER_ACCESS_TOKEN: optionalString,
  GENAUTH_OTHER_ACCOUNT: optionalString,
  GENAUTH_OTHER_PASSWORD: optionalString,
  GENAUTH_MULTIFACTOR_ACCESS_TOKEN: optionalString,
  GENAUTH_MULTIFACTOR_ACCOUNT: optionalString,
  GENAUTH_MULTIFACTOR_PASSWORD: optionalString,
  GENAUTH_USER_POOL_NAME: optionalString,
  DESIGNATED_USERS_SHARD: z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return undefined;
        const share = shardOf(value);
        if (share) return share;
        ctx.addIssue({
          code: 'custom',
          message: 'must be i/n with 1 ≤ i ≤ n, e.g. 1/2: this shard of n running at the same time',
        });
        return z.NEVER;
      }),
  ),
  SMS_INBOX: inboxKind,
  SMS_INBOX_URL: httpUrl('http://127.0.0.1:4170/messages'),
  SMS_STATIC_CODE: optionalString,
  EMAIL_INBOX: inboxKind,
  EMAIL_INBOX_URL: httpUrl('http://127.0.0.1:1080'),
  EMAIL_STATIC_CODE: optionalString,
  CODE_PATTERN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default(DEFAULT_CODE_PATTERN)
      .transform((source, ctx) => {
        try {
          return new RegExp(source);
        } catch {
          ctx.addIssue({ code: 'custom', message: 'is not a valid regular expression' });
          return z.NEVER;
        }
      }),
  ),
  CODE_TIMEOUT_MS: positiveInt(10_000),
  ENROLLMENT_TOKEN_TTL_SECONDS: positiveInt(60),
  EXPIRY_MARGIN_MS: positiveInt(1_000),
  LATENCY_MS: latencyRange,
  MOCK_LATENCY_MS: latencyRange,
  THROTTLE_BURST: wholeNumber(2),
  PAYLOAD_LIMIT_BYTES: wholeNumber(1),
  MOCK_FACTOR_IDS: FactorIdsVariable,
  FACE_PHOTO_URL: httpUrl('https://cdn.example.com/faces/test-user.jpg'),
  FACE_PHOTO_KEY: optionalString,
  TEST_EMAIL_DOMAIN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i, { error: 'must be a domain name, e.g. example.com' })
      .default('example.com'),
  ),
  FAKER_SEED: wholeNumber(0),
  MOCK_CONTROL_TOKEN: optionalString,
  MOCK_DEFECTS: DefectListVariable,
  MOCK_CODE_LENGTH: CodeLengthVariable,
});
type Env = z.infer<typeof EnvSchema>;

export type ConfigResult =
  | { readonly ok: true; readonly config: HarnessConfig }
  | { readonly ok: false; readonly targetEnv: string; readonly problems: readonly string[] };

/** Validates the configuration; a failure lists every problem, one line each, named by variable. */
export function parseConfig(
  env: Readonly<Record<string, string | undefined>>,
  random: () => number = Math.random,
): ConfigResult {
  const parsed = EnvSchema.safeParse({ ...env, MOCK_DEFECTS: defectListOf(env) });
  const targetEnv = env.TARGET_ENV?.trim() || DEFAULT_TARGET_ENV;
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
    return { ok: false, targetEnv, problems: [...problems, ...crossFieldProblems(env)] };
  }
  const problems = crossFieldProblems(env);
  if (problems.length > 0) return { ok: false, targetEnv, problems };
  return { ok: true, config: toConfig(parsed.data, env, random) };
}

function crossFieldProblems(raw: Readonly<Record<string, string | undefined>>): string[] {
  const env = Object.fromEntries(
    Object.entries(raw).map(([name, value]) => [name, value?.trim() ? value : undefined]),
  );
  const real = (env.TARGET_ENV ?? DEFAULT_TARGET_ENV) !== 'mock';
  const problems: string[] = [];
  const need = (name: string, why: string) => {
    if (!env[name]) problems.push(`${name} is missing: ${why}`);
  };
  if (real) {
    need('GENAUTH_BASE_URL', 'the application domain of the environment, e.g. https://example.genauth.ai');
    need('GENAUTH_APP_ID', 'the application ID, sent as x-authing-app-id');
    if (!env.GENAUTH_ACCESS_TOKEN && !(env.GENAUTH_ACCOUNT && env.GENAUTH_PASSWORD)) {
      problems.push(
        'GENAUTH_ACCESS_TOKEN or GENAUTH_ACCOUNT + GENAUTH_PASSWORD is missing: the designated test user',
      );
    }
    if (!env.FACE_PHOTO_URL && !env.FACE_PHOTO_KEY) {
      problems.push(
        'FACE_PHOTO_URL or FACE_PHOTO_KEY is missing: a face photo the environment accepts for FACE',
      );
    }
  }
  const share = shardOf(env.DESIGNATED_USERS_SHARD);
  const poolSize = (env.GENAUTH_ACCESS_TOKEN || env.GENAUTH_ACCOUNT ? 1 : 0) + poolPrefixes(env).length;
  if (real && share && poolSize < share.total) {
    problems.push(
      `DESIGNATED_USERS_SHARD=${share.index}/${share.total} needs a designated user for each of the ${share.total} ` +
        `shards running at the same time, and the pool has ${poolSize}: add GENAUTH_ACCOUNT_<n> and GENAUTH_PASSWORD_<n> ` +
        '(or GENAUTH_ACCESS_TOKEN_<n>), or run the shards one after another without DESIGNATED_USERS_SHARD',
    );
  }
  const multiFactorAccount = env.GENAUTH_MULTIFACTOR_ACCOUNT;
  const pooled = ['GENAUTH', ...poolPrefixes(env)].map((prefix) => env[poolVariable(prefix, 'ACCOUNT')]);
  if (multiFactorAccount && pooled.includes(multiFactorAccount)) {
    problems.push(
      'GENAUTH_MULTIFACTOR_ACCOUNT is also a designated user of the pool: the journeys through every factor type ' +
        'need a user of their own, or they hold all four types of a shared user while other tests wait',
    );
  }
  for (const prefix of ['GENAUTH', 'GENAUTH_OTHER', 'GENAUTH_MULTIFACTOR', ...poolPrefixes(env)]) {
    const account = poolVariable(prefix, 'ACCOUNT');
    const password = poolVariable(prefix, 'PASSWORD');
    if (Boolean(env[account]) !== Boolean(env[password])) {
      problems.push(`${account} and ${password} must be set together`);
    }
  }
  for (const channel of ['SMS', 'EMAIL'] as const) {
    const kind = env[`${channel}_INBOX`];
    if (real && !kind) {
      problems.push(
        `${channel}_INBOX is missing: where ${channel} codes are read (${INBOX_KINDS.slice(1).join(', ')})`,
      );
    }
    if (real && kind === 'mock') {
      problems.push(`${channel}_INBOX=mock needs the mock control plane; use it only with TARGET_ENV=mock`);
    }
    if ((kind === 'maildev' || kind === 'http-json') && !env[`${channel}_INBOX_URL`]) {
      problems.push(`${channel}_INBOX_URL is missing: the HTTP address of the ${kind} inbox`);
    }
    if (kind === 'static' && !env[`${channel}_STATIC_CODE`]) {
      problems.push(`${channel}_STATIC_CODE is missing: the fixed test code of the environment`);
    }
  }
  if (real && env.MOCK_CONTROL_TOKEN) {
    problems.push('MOCK_CONTROL_TOKEN is set, but only TARGET_ENV=mock uses the mock control plane');
  }
  return problems;
}

function toConfig(
  env: Env,
  raw: Readonly<Record<string, string | undefined>>,
  random: () => number,
): HarnessConfig {
  const kind = env.TARGET_ENV === 'mock' ? 'mock' : 'real';
  const credentials = (
    token: string | undefined,
    account: string | undefined,
    password: string | undefined,
  ): Credentials | undefined => {
    if (token) return { accessToken: token };
    return account && password ? { account, password } : undefined;
  };
  const inbox = (channel: 'SMS' | 'EMAIL'): InboxConfig => {
    const inboxKind = env[`${channel}_INBOX`] ?? 'mock';
    if (inboxKind === 'static') return { kind: 'static', code: env[`${channel}_STATIC_CODE`] ?? '' };
    if (inboxKind === 'mock') return { kind: 'mock' };
    return { kind: inboxKind, url: env[`${channel}_INBOX_URL`] ?? '' };
  };
  const pool = [
    credentials(env.GENAUTH_ACCESS_TOKEN, env.GENAUTH_ACCOUNT, env.GENAUTH_PASSWORD),
    ...poolPrefixes(raw).map((prefix) => {
      const value = (field: 'ACCOUNT' | 'PASSWORD' | 'ACCESS_TOKEN') =>
        raw[poolVariable(prefix, field)]?.trim();
      return credentials(value('ACCESS_TOKEN'), value('ACCOUNT'), value('PASSWORD'));
    }),
  ].filter((member): member is Credentials => member !== undefined);
  // Shards running at the same time each take their own share of the pool (DESIGNATED_USERS_SHARD).
  const designated = shareOfPool(pool, env.DESIGNATED_USERS_SHARD);
  let facePhoto: FacePhoto | undefined;
  if (env.FACE_PHOTO_URL) facePhoto = { photo: env.FACE_PHOTO_URL, isExternalPhoto: true };
  else if (env.FACE_PHOTO_KEY) facePhoto = { photo: env.FACE_PHOTO_KEY, isExternalPhoto: false };
  return {
    targetEnv: env.TARGET_ENV,
    kind,
    baseUrl: env.GENAUTH_BASE_URL,
    appId: env.GENAUTH_APP_ID,
    user: designated[0],
    poolUsers: designated.slice(1),
    otherUser: credentials(
      env.GENAUTH_OTHER_ACCESS_TOKEN,
      env.GENAUTH_OTHER_ACCOUNT,
      env.GENAUTH_OTHER_PASSWORD,
    ),
    multiFactorUser: credentials(
      env.GENAUTH_MULTIFACTOR_ACCESS_TOKEN,
      env.GENAUTH_MULTIFACTOR_ACCOUNT,
      env.GENAUTH_MULTIFACTOR_PASSWORD,
    ),
    userPoolName: env.GENAUTH_USER_POOL_NAME,
    inboxes: { SMS: inbox('SMS'), EMAIL: inbox('EMAIL') },
    codePattern: env.CODE_PATTERN,
    codeTimeoutMs: env.CODE_TIMEOUT_MS,
    enrollmentTokenTtlSeconds: env.ENROLLMENT_TOKEN_TTL_SECONDS,
    expiryMarginMs: env.EXPIRY_MARGIN_MS,
    latency: env.LATENCY_MS ?? env.MOCK_LATENCY_MS ?? (kind === 'mock' ? NO_LATENCY : REAL_LATENCY),
    mockLatency: env.MOCK_LATENCY_MS,
    facePhoto,
    emailDomain: env.TEST_EMAIL_DOMAIN,
    fakerSeed: env.FAKER_SEED ?? randomSeed(random),
    mockControlToken: env.MOCK_CONTROL_TOKEN,
    mockDefects: env.MOCK_DEFECTS,
    mockFactorIds: env.MOCK_FACTOR_IDS,
    throttleBurst: env.THROTTLE_BURST,
    payloadLimitBytes: env.PAYLOAD_LIMIT_BYTES,
    mockCodeLength: env.MOCK_CODE_LENGTH,
  };
}

/** The one message a run stops with when the configuration is incomplete or invalid. */
export class ConfigError extends ConfigurationError {
  override readonly name = 'ConfigError';
  constructor(
    readonly targetEnv: string,
    problems: readonly string[],
  ) {
    const files = targetEnv === DEFAULT_TARGET_ENV ? '.env' : `.env or .env.${targetEnv}`;
    super(problems, {
      heading: `The configuration for TARGET_ENV=${targetEnv} is incomplete or invalid:`,
      fix: `Set these variables in the environment or in ${files}; .env.example describes every variable.`,
    });
  }
}

function randomSeed(random: () => number): number {
  return Math.floor(random() * 2 ** 31);
}

/**
 * Fixes the seed of this run's test data before any process starts: when `FAKER_SEED` is unset, a random one
 * is written to `env`, so every process the run starts (workers, child runs) builds the same data and the
 * run can be repeated. A value that is not a seed is left for `parseConfig` to report, not replaced.
 */
export function runSeed(env: NodeJS.ProcessEnv = process.env, random: () => number = Math.random): void {
  env.FAKER_SEED = env.FAKER_SEED?.trim() || String(randomSeed(random));
}

/** The validated configuration, or a `ConfigError` listing every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): HarnessConfig {
  const result = parseConfig(env);
  if (!result.ok) throw new ConfigError(result.targetEnv, result.problems);
  return result.config;
}
