import type { DestinationStream } from 'pino';
import { ConfigurationError } from '../config/configuration-error';
import {
  type CatalogOverrides,
  CatalogOverridesSchema,
  CODE_LENGTH_RANGE,
  FACTOR_ID_FORMATS,
  type FactorIdFormat,
  HostValueSchema,
  LOG_LEVELS,
  type LogLevel,
  MOCK_DEFAULTS,
  type SeedUser,
  SeedUserSchema,
  ShapeOverridesSchema,
} from '../config/mock-values';
import type { LatencyRange } from '../config/parsers';
import { type FactorType, FactorTypeSchema, limitedString } from '../contract';
import { z } from '../contract/zod';
import { describeIssues } from '../errors';
import { defectsOf } from './defect-set';
import type { DefectId } from './defects';

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
  /**
   * Changes planted in named answers as they leave, after the contract check (a rehearsal aid for the fidelity
   * check, `ShapeOverridesSchema`). Default none.
   */
  readonly shapeOverrides?: z.input<typeof ShapeOverridesSchema>;
  /** One structured line per request (pino), secrets redacted. Default `silent`. */
  readonly logLevel?: LogLevel;
  /** Where log lines go. Default stdout. */
  readonly logDestination?: DestinationStream;
}

const whole = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.number().int(`must be a whole number from ${min} to ${max}`).min(min).max(max);
const positive = (min: number) => z.number().finite().min(min, `must be at least ${min}`);

const OptionsSchema = z.object({
  port: whole(0, 65_535).default(MOCK_DEFAULTS.port),
  host: z.string().min(1).default(MOCK_DEFAULTS.host),
  defects: z.array(z.string()).default([]).transform(defectsOf),
  control: z.boolean().default(true),
  controlToken: z.string().min(1).optional(),
  controlHosts: z.array(HostValueSchema).default([]),
  enrollmentTokenTtlSeconds: positive(0.001).default(MOCK_DEFAULTS.enrollmentTokenTtlSeconds),
  accessTokenTtlSeconds: positive(1).default(MOCK_DEFAULTS.accessTokenTtlSeconds),
  codeLength: whole(...CODE_LENGTH_RANGE).default(MOCK_DEFAULTS.codeLength),
  resendWindowSeconds: positive(0).default(MOCK_DEFAULTS.resendWindowSeconds),
  rateLimitPerSecond: whole(0).default(MOCK_DEFAULTS.rateLimitPerSecond),
  factorIds: z.enum(FACTOR_ID_FORMATS).default(MOCK_DEFAULTS.factorIds),
  bodyLimitBytes: whole(1024).default(MOCK_DEFAULTS.bodyLimitBytes),
  defaultUserPoolName: limitedString('userPoolName').min(1).default(MOCK_DEFAULTS.defaultUserPoolName),
  seedUsers: z.array(SeedUserSchema).default([]),
  validateResponses: z.boolean().default(true),
  sweepIntervalMs: whole(10).default(30_000),
  userIdleSeconds: positive(0.001).default(MOCK_DEFAULTS.userIdleSeconds),
  smtpUrl: z.string().min(1).optional(),
  smtpFrom: z.string().min(1).default(MOCK_DEFAULTS.smtpFrom),
  smsWebhookUrl: z.string().min(1).optional(),
  latency: z
    .object({ minMs: whole(0), maxMs: whole(0) })
    .refine((range) => range.minMs <= range.maxMs, { error: 'minMs must not be above maxMs' })
    .optional(),
  refuseResetOf: z.array(FactorTypeSchema).default([]),
  catalogOverrides: CatalogOverridesSchema.default({}),
  shapeOverrides: ShapeOverridesSchema.default([]),
  logLevel: z.enum(LOG_LEVELS).default(MOCK_DEFAULTS.logLevel),
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
