import path from 'node:path';
import { z } from 'zod';
import { ConfigurationError, type Env, optionalText, variableProblems } from '../variables';

/** Who the pact is between, and where its files live. */
export interface PactSettings {
  /** `PACT_CONSUMER_NAME`, default `mfa-enrollment-app`. */
  readonly consumer: string;
  /** `PACT_PROVIDER_NAME`, default `genauth-authentication-api`. */
  readonly provider: string;
  /** `PACT_DIR`, default `pacts` (relative to the working directory). */
  readonly pactDir: string;
  /** `PACT_LOG_LEVEL`, default `warn`. */
  readonly logLevel: PactLogLevel;
}

export const PACT_LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;
export type PactLogLevel = (typeof PACT_LOG_LEVELS)[number];

export const DEFAULT_CONSUMER_NAME = 'mfa-enrollment-app';
export const DEFAULT_PROVIDER_NAME = 'genauth-authentication-api';
export const DEFAULT_PACT_DIR = 'pacts';

/** The Pact or Pact Broker variables are incomplete or invalid: every problem, at once. */
export class PactConfigError extends ConfigurationError {
  override readonly name = 'PactConfigError';
  constructor(problems: readonly string[]) {
    super(problems, {
      heading: 'The Pact configuration is incomplete or invalid:',
      fix: 'Set these variables in the environment or in .env; .env.example and docs/contract-testing.md describe them.',
    });
  }
}

/** A pacticipant name the broker accepts in a URL path. */
const pacticipant = (fallback: string) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
        error: `is not a usable pacticipant name: use letters, digits, ".", "_" or "-", e.g. ${fallback}`,
      })
      .default(fallback),
  );

const PactEnvSchema = z
  .object({
    PACT_CONSUMER_NAME: pacticipant(DEFAULT_CONSUMER_NAME),
    PACT_PROVIDER_NAME: pacticipant(DEFAULT_PROVIDER_NAME),
    PACT_DIR: optionalText.pipe(z.string().default(DEFAULT_PACT_DIR)),
    PACT_LOG_LEVEL: optionalText.pipe(
      z.enum(PACT_LOG_LEVELS, { error: `must be one of ${PACT_LOG_LEVELS.join(', ')}` }).default('warn'),
    ),
  })
  .refine((env) => env.PACT_CONSUMER_NAME !== env.PACT_PROVIDER_NAME, {
    path: ['PACT_PROVIDER_NAME'],
    error: 'is the same as PACT_CONSUMER_NAME; a pact needs two different parties',
  });

export function pactSettingsFrom(env: Env = process.env): PactSettings {
  const parsed = PactEnvSchema.safeParse(env);
  if (!parsed.success) throw new PactConfigError(variableProblems(parsed.error.issues));
  return {
    consumer: parsed.data.PACT_CONSUMER_NAME,
    provider: parsed.data.PACT_PROVIDER_NAME,
    pactDir: path.resolve(parsed.data.PACT_DIR),
    logLevel: parsed.data.PACT_LOG_LEVEL,
  };
}

/** The file pact-js writes for a consumer/provider pair. */
export function pactFileName(settings: Pick<PactSettings, 'consumer' | 'provider'>): string {
  return `${settings.consumer}-${settings.provider}.json`;
}
