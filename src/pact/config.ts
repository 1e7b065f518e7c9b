import path from 'node:path';
import { ConfigurationError } from '../config/configuration-error';
import type { PACT_LOG_LEVELS } from '../config/pact';
import { type Env, variableProblems } from '../config/parsers';
import { variablesSchema } from '../config/schema';
import type { z } from '../contract/zod';

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

export type PactLogLevel = (typeof PACT_LOG_LEVELS)[number];

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

const PactEnvSchema = variablesSchema([
  'PACT_CONSUMER_NAME',
  'PACT_PROVIDER_NAME',
  'PACT_DIR',
  'PACT_LOG_LEVEL',
]).refine((env) => env.PACT_CONSUMER_NAME !== env.PACT_PROVIDER_NAME, {
  path: ['PACT_PROVIDER_NAME'],
  error: 'is the same as PACT_CONSUMER_NAME; a pact needs two different parties',
});

export function pactSettingsFrom(env: Env = process.env): PactSettings {
  const pact = parsePactVariables(PactEnvSchema, env);
  return {
    consumer: pact.PACT_CONSUMER_NAME,
    provider: pact.PACT_PROVIDER_NAME,
    pactDir: path.resolve(pact.PACT_DIR),
    logLevel: pact.PACT_LOG_LEVEL,
  };
}

/** The file pact-js writes for a consumer/provider pair. */
export function pactFileName(settings: Pick<PactSettings, 'consumer' | 'provider'>): string {
  return `${settings.consumer}-${settings.provider}.json`;
}

/**
 * Reads each part of a command's configuration, then names the problems of all of them in one
 * `PactConfigError`, so one run shows everything to fix.
 */
export function readTogether<const T extends readonly unknown[]>(
  ...readers: { [K in keyof T]: () => T[K] }
): T {
  const problems: string[] = [];
  const values = readers.map((read) => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof PactConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  });
  if (problems.length > 0) throw new PactConfigError(problems);
  return values as unknown as T;
}

/** The variables `schema` reads from `env`, or a `PactConfigError` naming every problem of them. */
export function parsePactVariables<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new PactConfigError(variableProblems(parsed.error.issues));
  return parsed.data;
}
