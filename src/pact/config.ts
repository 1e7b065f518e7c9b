import path from 'node:path';

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

type Env = Readonly<Record<string, string | undefined>>;

/** A pacticipant name the broker accepts in a URL path. */
const PACTICIPANT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class PactConfigError extends Error {
  override readonly name = 'PactConfigError';
  constructor(message: string) {
    super(`[enroll-factor-harness] ${message}`);
  }
}

function pacticipant(env: Env, variable: string, fallback: string): string {
  const value = env[variable]?.trim() || fallback;
  if (!PACTICIPANT_NAME.test(value)) {
    throw new PactConfigError(
      `${variable}="${value}" is not a usable pacticipant name: use letters, digits, ".", "_" or "-", e.g. ${fallback}.`,
    );
  }
  return value;
}

export function pactSettingsFrom(env: Env = process.env): PactSettings {
  const consumer = pacticipant(env, 'PACT_CONSUMER_NAME', DEFAULT_CONSUMER_NAME);
  const provider = pacticipant(env, 'PACT_PROVIDER_NAME', DEFAULT_PROVIDER_NAME);
  if (consumer === provider) {
    throw new PactConfigError(
      `PACT_CONSUMER_NAME and PACT_PROVIDER_NAME are both "${consumer}"; a pact needs two different parties.`,
    );
  }
  const logLevel = (env.PACT_LOG_LEVEL?.trim() || 'warn') as PactLogLevel;
  if (!PACT_LOG_LEVELS.includes(logLevel)) {
    throw new PactConfigError(`PACT_LOG_LEVEL="${logLevel}" must be one of ${PACT_LOG_LEVELS.join(', ')}.`);
  }
  return {
    consumer,
    provider,
    pactDir: path.resolve(env.PACT_DIR?.trim() || DEFAULT_PACT_DIR),
    logLevel,
  };
}

/** The file pact-js writes for a consumer/provider pair. */
export function pactFileName(settings: Pick<PactSettings, 'consumer' | 'provider'>): string {
  return `${settings.consumer}-${settings.provider}.json`;
}
