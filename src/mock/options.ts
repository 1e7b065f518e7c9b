import type { DestinationStream } from 'pino';
import { z } from 'zod';
import { FactorTypeSchema } from '../contract';
import type { DefectId } from './defects';
import { parseFaults } from './faults';

/** A user that exists from the start, e.g. the designated user of a rehearsal that signs in with a password. */
export const SeedUserSchema = z.strictObject({
  account: z.string().min(1),
  password: z.string().min(1),
  email: z.string().optional(),
  phoneNumber: z.string().optional(),
  factorTypes: z.array(FactorTypeSchema).optional(),
  userPoolName: z.string().min(1).optional(),
  /** Fixed ids make a rehearsal configuration stable across restarts. Default: random 24 hex digits. */
  appId: z.string().min(1).optional(),
  userId: z.string().min(1).optional(),
});
export type SeedUser = z.infer<typeof SeedUserSchema>;

export type LogLevel = 'silent' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

export interface MockOptions {
  /** Default 0 (any free port); the CLI defaults to 4010. */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Provider defects switched on from the start. Default none. */
  readonly faults?: readonly DefectId[];
  /** Serve the control plane under `/__mock/`. Default true. */
  readonly control?: boolean;
  /** When set, control requests must carry it in `x-mock-control-token`; required on non-loopback hosts. */
  readonly controlToken?: string;
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
  /** Largest accepted request body. Default 65 536 bytes. */
  readonly bodyLimitBytes?: number;
  /** Issuer of TOTP URIs for users created without a pool name. Default `GenAuthMock`. */
  readonly defaultUserPoolName?: string;
  readonly seedUsers?: readonly SeedUser[];
  /** Check every answer against the contract schemas before it leaves. Default true; off for benchmarks. */
  readonly validateResponses?: boolean;
  /** How often expired pending enrollments are swept. Default 30 000 ms. */
  readonly sweepIntervalMs?: number;
  /** `smtp://host:port` (e.g. a maildev instance): EMAIL codes are also mailed there. Default off. */
  readonly smtpUrl?: string;
  /** Sender of those emails. Default `GenAuth Mock <no-reply@genauth-mock.test>`. */
  readonly smtpFrom?: string;
  /** SMS codes are also POSTed there as JSON, like a tenant's custom SMS provider. Default off. */
  readonly smsWebhookUrl?: string;
  /** One structured line per request (pino), secrets redacted. Default `silent`. */
  readonly logLevel?: LogLevel;
  /** Where log lines go. Default stdout. */
  readonly logDestination?: DestinationStream;
}

export type ResolvedMockOptions = Required<
  Omit<MockOptions, 'controlToken' | 'smtpUrl' | 'smsWebhookUrl' | 'logDestination'>
> &
  Pick<MockOptions, 'controlToken' | 'smtpUrl' | 'smsWebhookUrl' | 'logDestination'>;

export const MOCK_DEFAULTS = {
  port: 0,
  host: '127.0.0.1',
  faults: [],
  control: true,
  enrollmentTokenTtlSeconds: 60,
  accessTokenTtlSeconds: 7200,
  codeLength: 6,
  resendWindowSeconds: 60,
  rateLimitPerSecond: 1000,
  bodyLimitBytes: 65_536,
  defaultUserPoolName: 'GenAuthMock',
  seedUsers: [],
  validateResponses: true,
  sweepIntervalMs: 30_000,
  smtpFrom: 'GenAuth Mock <no-reply@genauth-mock.test>',
  logLevel: 'silent',
} as const satisfies Omit<
  ResolvedMockOptions,
  'controlToken' | 'smtpUrl' | 'smsWebhookUrl' | 'logDestination'
>;

function optionError(name: string, problem: string, fix: string): Error {
  return new Error(`[enroll-factor-harness] mock option ${name} ${problem}. ${fix}`);
}

function checkNumber(name: string, value: number, min: number, integer = true): void {
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw optionError(name, `is ${value}`, `Use ${integer ? 'an integer' : 'a number'} >= ${min}.`);
  }
}

export function resolveMockOptions(options: MockOptions = {}): ResolvedMockOptions {
  const resolved: ResolvedMockOptions = {
    ...MOCK_DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
  } as ResolvedMockOptions;
  checkNumber('port', resolved.port, 0);
  if (resolved.port > 65_535) throw optionError('port', `is ${resolved.port}`, 'Use 0-65535.');
  checkNumber('enrollmentTokenTtlSeconds', resolved.enrollmentTokenTtlSeconds, 0.001, false);
  checkNumber('accessTokenTtlSeconds', resolved.accessTokenTtlSeconds, 1, false);
  checkNumber('codeLength', resolved.codeLength, 4);
  if (resolved.codeLength > 12) throw optionError('codeLength', `is ${resolved.codeLength}`, 'Use 4-12.');
  checkNumber('resendWindowSeconds', resolved.resendWindowSeconds, 0, false);
  checkNumber('rateLimitPerSecond', resolved.rateLimitPerSecond, 0);
  checkNumber('bodyLimitBytes', resolved.bodyLimitBytes, 1024);
  checkNumber('sweepIntervalMs', resolved.sweepIntervalMs, 10);
  parseFaults(resolved.faults);
  for (const [index, seed] of resolved.seedUsers.entries()) {
    const parsed = SeedUserSchema.safeParse(seed);
    if (!parsed.success) {
      throw optionError(
        `seedUsers[${index}]`,
        `is invalid (${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'user'}: ${issue.message}`).join('; ')})`,
        'Each seed user needs account and password; optional email, phoneNumber, factorTypes, userPoolName, appId, userId.',
      );
    }
  }
  return resolved;
}

/** Parses `MOCK_SEED_USERS`: a JSON array of seed users. */
export function parseSeedUsers(json: string | undefined): SeedUser[] {
  if (!json?.trim()) return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw optionError(
      'MOCK_SEED_USERS',
      'is not valid JSON',
      'Give a JSON array such as [{"account":"rehearsal","password":"…","email":"a@example.com"}].',
    );
  }
  const parsed = z.array(SeedUserSchema).safeParse(value);
  if (!parsed.success) {
    throw optionError(
      'MOCK_SEED_USERS',
      `is invalid (${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})`,
      'Each user needs account and password; optional email, phoneNumber, factorTypes, userPoolName, appId, userId.',
    );
  }
  return parsed.data;
}
