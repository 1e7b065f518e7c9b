import { ConfigurationError } from '../config/configuration-error';
import { INBOX_KINDS } from '../config/inboxes';
import type { FactorIdFormat } from '../config/mock-values';
import { type LatencyRange, variableProblems } from '../config/parsers';
import { type RoleUsers, roleUserProblems, roleUsersVariable } from '../config/role-users';
import { variablesSchema } from '../config/schema';
import { DEFAULT_TARGET_ENV } from '../config/target';
import type { z } from '../contract/zod';
import { DefectListVariable } from '../mock/defect-set';
import type { DefectId } from '../mock/defects';
import { shardOf } from '../shards';
import type { LoadedEnvFiles } from './env-files';
import { poolPrefixes, poolVariable, shareOfPool } from './pool-variables';

/**
 * The harness configuration, read from environment variables (after `.env` and `.env.<TARGET_ENV>` are
 * loaded) and validated before any test runs. Every variable is declared in `src/config/`.
 */

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
  /** Users set up for one purpose each (`GENAUTH_ROLE_USERS`); the mock makes its own. */
  readonly roleUsers: RoleUsers;
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
  /** Provider defects the embedded mock ships (`MOCK_DEFECTS`). */
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

const EnvSchema = variablesSchema([
  'TARGET_ENV',
  'GENAUTH_BASE_URL',
  'GENAUTH_APP_ID',
  'GENAUTH_ACCESS_TOKEN',
  'GENAUTH_ACCOUNT',
  'GENAUTH_PASSWORD',
  'GENAUTH_OTHER_ACCESS_TOKEN',
  'GENAUTH_OTHER_ACCOUNT',
  'GENAUTH_OTHER_PASSWORD',
  'GENAUTH_ROLE_USERS',
  'GENAUTH_USER_POOL_NAME',
  'DESIGNATED_USERS_SHARD',
  'SMS_INBOX',
  'SMS_INBOX_URL',
  'SMS_STATIC_CODE',
  'EMAIL_INBOX',
  'EMAIL_INBOX_URL',
  'EMAIL_STATIC_CODE',
  'CODE_PATTERN',
  'CODE_TIMEOUT_MS',
  'ENROLLMENT_TOKEN_TTL_SECONDS',
  'EXPIRY_MARGIN_MS',
  'LATENCY_MS',
  'MOCK_LATENCY_MS',
  'THROTTLE_BURST',
  'PAYLOAD_LIMIT_BYTES',
  'MOCK_FACTOR_IDS',
  'FACE_PHOTO_URL',
  'FACE_PHOTO_KEY',
  'TEST_EMAIL_DOMAIN',
  'FAKER_SEED',
  'MOCK_CONTROL_TOKEN',
  'MOCK_CODE_LENGTH',
]).extend({ MOCK_DEFECTS: DefectListVariable });
type Env = z.infer<typeof EnvSchema>;

export type ConfigResult =
  | { readonly ok: true; readonly config: HarnessConfig }
  | {
      readonly ok: false;
      readonly targetEnv: string;
      readonly problems: readonly string[];
      /** Some required variable is unset (not only a bad value): a `.env.<TARGET_ENV>` file may be missing. */
      readonly missing: boolean;
    };

/** How `crossFieldProblems` words a variable that is required and unset. */
const MISSING = /^\S+( or \S+)*( \+ \S+)? is missing: /;

/** Validates the configuration; a failure lists every problem, one line each, named by variable. */
export function parseConfig(
  env: Readonly<Record<string, string | undefined>>,
  random: () => number = Math.random,
): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  const targetEnv = env.TARGET_ENV?.trim() || DEFAULT_TARGET_ENV;
  const problems = [
    ...(parsed.success ? [] : variableProblems(parsed.error.issues)),
    ...crossFieldProblems(env),
  ];
  if (!parsed.success || problems.length > 0) {
    return { ok: false, targetEnv, problems, missing: problems.some((problem) => MISSING.test(problem)) };
  }
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
  for (const prefix of ['GENAUTH', 'GENAUTH_OTHER', ...poolPrefixes(env)]) {
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
  const roles = roleUsersVariable.safeParse(env.GENAUTH_ROLE_USERS);
  if (real && roles.success) problems.push(...roleUserProblems(roles.data, env));
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
    roleUsers: env.GENAUTH_ROLE_USERS,
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
    /** The `.env` files of the run, when a required variable is unset: a mistyped TARGET_ENV names no file. */
    envFiles?: LoadedEnvFiles,
  ) {
    const files = targetEnv === DEFAULT_TARGET_ENV ? '.env' : `.env or .env.${targetEnv}`;
    const fix = `Set these variables in the environment or in ${files}; .env.example describes every variable.`;
    const note = envFiles && missingTargetFile(targetEnv, envFiles);
    super(problems, {
      heading: `The configuration for TARGET_ENV=${targetEnv} is incomplete or invalid:`,
      fix: note ? `${note}\n${fix}` : fix,
    });
  }
}

/** Says so when TARGET_ENV names no `.env.<TARGET_ENV>` file, with the files there are. */
function missingTargetFile(targetEnv: string, envFiles: LoadedEnvFiles): string | undefined {
  const file = `.env.${targetEnv}`;
  if (targetEnv === DEFAULT_TARGET_ENV || envFiles.files.includes(file)) return undefined;
  const others = envFiles.available.filter((name) => name !== '.env');
  const there =
    others.length > 0 ? `the files there are: ${others.join(', ')}` : 'there is no .env.<name> file';
  return (
    `TARGET_ENV=${targetEnv} names no file: ${file} is not in ${envFiles.dir}, and ${there}. ` +
    `Check TARGET_ENV for a typo, or create ${file} from .env.example.`
  );
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

/** The validated configuration, or a `ConfigError` listing every problem (and a `.env` file TARGET_ENV lacks). */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  envFiles?: LoadedEnvFiles,
): HarnessConfig {
  const result = parseConfig(env);
  if (!result.ok) {
    throw new ConfigError(result.targetEnv, result.problems, result.missing ? envFiles : undefined);
  }
  return result.config;
}
