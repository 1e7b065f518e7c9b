import type { DestinationStream } from 'pino';
import { z } from 'zod';
import {
  ERROR_SCENARIOS,
  type ErrorScenario,
  type FactorType,
  FactorTypeSchema,
  limitedString,
  SUCCESS_STATUS_CODE,
} from '../contract';
import { describeIssues } from '../errors';
import { ConfigurationError, type LatencyRange, optionalText, wholeNumber } from '../variables';
import { defectsOf } from './defect-set';
import type { DefectId } from './defects';

/** A user that exists from the start, e.g. the designated user of a rehearsal that signs in with a password. */
export const SeedUserSchema = z.strictObject({
  account: limitedString('signinName').min(1),
  password: limitedString('password').min(1),
  email: limitedString('email').optional(),
  phoneNumber: limitedString('phoneNumber').optional(),
  factorTypes: z.array(FactorTypeSchema).optional(),
  userPoolName: limitedString('userPoolName').min(1).optional(),
  /** Fixed ids make a rehearsal configuration stable across restarts. Default: random 24 hex digits. */
  appId: limitedString('objectId').min(1).optional(),
  userId: limitedString('objectId').min(1).optional(),
});
export type SeedUser = z.infer<typeof SeedUserSchema>;

/** How the mock makes factor ids: `<userId>|phone` (as real SDK test data shows) or random opaque ids. */
export const FACTOR_ID_FORMATS = ['user-suffixed', 'opaque'] as const;
export type FactorIdFormat = (typeof FACTOR_ID_FORMATS)[number];
/** `MOCK_FACTOR_IDS`, read by the mock's command line and by the suites' embedded mock. */
export const FactorIdsVariable = optionalText.pipe(
  z.enum(FACTOR_ID_FORMATS, { error: `must be one of ${FACTOR_ID_FORMATS.join(', ')}` }).optional(),
);

/** The fewest and the most digits an SMS or EMAIL code may have. */
const CODE_LENGTH_RANGE = [4, 12] as const;
/** `MOCK_CODE_LENGTH`, read by the mock's command line and by the suites' embedded mock. */
export const CodeLengthVariable = wholeNumber(...CODE_LENGTH_RANGE);

/**
 * Answers replacing the error catalog's for some scenarios, e.g. `{"factorAlreadyBound":{"statusCode":409}}`:
 * a rehearsal aid that plants a disagreement for `npm run catalog:observed` to find. Unset fields keep the
 * catalog's value; the rules still decide when a scenario happens.
 */
const AnswerOverrideSchema = z.strictObject({
  httpStatus: z.number().int().min(200).max(599).optional(),
  statusCode: z
    .number()
    .int()
    .refine((code) => code !== SUCCESS_STATUS_CODE, { error: 'must not be 200, the success statusCode' })
    .optional(),
  apiCode: z.number().int().optional(),
  message: z.string().min(1).optional(),
});

export const CatalogOverridesSchema = z
  .record(z.string(), AnswerOverrideSchema)
  .superRefine((overrides, ctx) => {
    for (const scenario of Object.keys(overrides)) {
      if (!(ERROR_SCENARIOS as string[]).includes(scenario)) {
        ctx.addIssue({
          code: 'custom',
          path: [scenario],
          message: `is not a scenario of the error catalog (src/contract/error-catalog.ts)`,
        });
      }
    }
  })
  .transform(
    (overrides) => overrides as Partial<Record<ErrorScenario, z.infer<typeof AnswerOverrideSchema>>>,
  );
export type CatalogOverrides = z.infer<typeof CatalogOverridesSchema>;

export const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface MockOptions {
  /** Default 0 (any free port); the CLI defaults to 4010. */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Provider defects switched on from the start (`defects.ts`). Default none. */
  readonly defects?: readonly DefectId[];
  /** Serve the control plane under `/__mock/`. Default true. */
  readonly control?: boolean;
  /** When set, control requests must carry it in `x-mock-control-token`; required on non-loopback hosts. */
  readonly controlToken?: string;
  /**
   * More Host values the control plane accepts besides the address it listens on: `name` (any port) or
   * `name:port`, e.g. the service name behind a proxy. Default none.
   */
  readonly controlHosts?: readonly string[];
  /** Default 60 (documented). */
  readonly enrollmentTokenTtlSeconds?: number;
  /** Lifetime of access tokens, on the user's clock. Default 7200 (the documented `expire_in`). */
  readonly accessTokenTtlSeconds?: number;
  /** Digits of SMS and EMAIL codes. Default 6. */
  readonly codeLength?: number;
  /** One send per phone number or email per this many seconds. Default 60 (documented). */
  readonly resendWindowSeconds?: number;
  /** Requests per second per user pool before HTTP 429; 0 turns throttling off. Default 1000. */
  readonly rateLimitPerSecond?: number;
  /** `user-suffixed` (default: `<userId>|phone`, as real SDK test data shows) or `opaque` (random ids). */
  readonly factorIds?: FactorIdFormat;
  /** Largest accepted request body. Default 65 536 bytes. */
  readonly bodyLimitBytes?: number;
  /** Issuer of TOTP URIs for users created without a pool name. Default `GenAuthMock`. */
  readonly defaultUserPoolName?: string;
  readonly seedUsers?: readonly SeedUser[];
  /** Check every answer against the contract schemas before it leaves. Default true; off for benchmarks. */
  readonly validateResponses?: boolean;
  /** How often expired state and idle users are swept. Default 30 000 ms. */
  readonly sweepIntervalMs?: number;
  /**
   * Users created through the control plane are forgotten, with all that is theirs, after this many seconds
   * of real time without a request of theirs or a control call about them. Default 3600; seed users stay.
   */
  readonly userIdleSeconds?: number;
  /** `smtp://host:port` (e.g. a maildev instance): EMAIL codes are also mailed there. Default off. */
  readonly smtpUrl?: string;
  /** Sender of those emails. Default `GenAuth Mock <no-reply@genauth-mock.test>`. */
  readonly smtpFrom?: string;
  /** SMS codes are also POSTed there as JSON, like a tenant's custom SMS provider. Default off. */
  readonly smsWebhookUrl?: string;
  /**
   * Every answer of the API (not the control plane) takes from `minMs` to `maxMs` milliseconds, like a hosted
   * environment across a network. Default none.
   */
  readonly latency?: LatencyRange;
  /**
   * Factor types reset-factor refuses to unbind (`factorResetRefused`), as GenAuth's documentation once said
   * of SMS and EMAIL. Default none: every bound factor can be reset.
   */
  readonly refuseResetOf?: readonly FactorType[];
  /** Answers replacing the catalog's for some scenarios (a rehearsal aid, `CatalogOverridesSchema`). Default none. */
  readonly catalogOverrides?: CatalogOverrides;
  /** One structured line per request (pino), secrets redacted. Default `silent`. */
  readonly logLevel?: LogLevel;
  /** Where log lines go. Default stdout. */
  readonly logDestination?: DestinationStream;
}

/** A Host header value: `name`, `name:port` or `[v6]:port`. */
export const HostValueSchema = z.string().regex(/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i, {
  error: 'must be a host name, optionally with :port',
});

const whole = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.number().int(`must be a whole number from ${min} to ${max}`).min(min).max(max);
const positive = (min: number) => z.number().finite().min(min, `must be at least ${min}`);

const OptionsSchema = z.object({
  port: whole(0, 65_535).default(0),
  host: z.string().min(1).default('127.0.0.1'),
  defects: z.array(z.string()).default([]).transform(defectsOf),
  control: z.boolean().default(true),
  controlToken: z.string().min(1).optional(),
  controlHosts: z.array(HostValueSchema).default([]),
  enrollmentTokenTtlSeconds: positive(0.001).default(60),
  accessTokenTtlSeconds: positive(1).default(7200),
  codeLength: whole(...CODE_LENGTH_RANGE).default(6),
  resendWindowSeconds: positive(0).default(60),
  rateLimitPerSecond: whole(0).default(1000),
  factorIds: z.enum(FACTOR_ID_FORMATS).default('user-suffixed'),
  bodyLimitBytes: whole(1024).default(65_536),
  defaultUserPoolName: limitedString('userPoolName').min(1).default('GenAuthMock'),
  seedUsers: z.array(SeedUserSchema).default([]),
  validateResponses: z.boolean().default(true),
  sweepIntervalMs: whole(10).default(30_000),
  userIdleSeconds: positive(0.001).default(3_600),
  smtpUrl: z.string().min(1).optional(),
  smtpFrom: z.string().min(1).default('GenAuth Mock <no-reply@genauth-mock.test>'),
  smsWebhookUrl: z.string().min(1).optional(),
  latency: z
    .object({ minMs: whole(0), maxMs: whole(0) })
    .refine((range) => range.minMs <= range.maxMs, { error: 'minMs must not be above maxMs' })
    .optional(),
  refuseResetOf: z.array(FactorTypeSchema).default([]),
  catalogOverrides: CatalogOverridesSchema.default({}),
  logLevel: z.enum(LOG_LEVELS).default('silent'),
  logDestination: z.custom<DestinationStream>().optional(),
});

export type ResolvedMockOptions = z.output<typeof OptionsSchema>;

/** Mock options that cannot be used: every problem, one line each. */
export class MockOptionsError extends ConfigurationError {
  override readonly name = 'MockOptionsError';
  constructor(problems: readonly string[]) {
    super(problems, {
      heading: 'The mock options are invalid:',
      fix:
        'Fix these options; docs/mock.md describes each, and the flag and variable of `npm run mock` ' +
        'that set it.',
    });
  }
}

/** Fills in the defaults and validates every option, listing every problem at once. */
export function resolveMockOptions(options: MockOptions = {}): ResolvedMockOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const parsed = OptionsSchema.safeParse(defined);
  if (!parsed.success) throw new MockOptionsError(describeIssues(parsed.error.issues, 'options'));
  return parsed.data;
}
