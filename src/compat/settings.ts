import semver from 'semver';
import { z } from 'zod';
import { ConfigurationError, type Env, optionalText, variableProblems } from '../variables';

/** What the compatibility run installs over the lock: npm version specs, resolved on the registry. */
export interface CompatSettings {
  /** `COMPAT_NODE_VERSION`, default `22`: the `node` package of the npm registry. */
  readonly node: string;
  /** `COMPAT_PACT_VERSION`, default `17`: `@pact-foundation/pact`. */
  readonly pactJs: string;
  /** `COMPAT_PACT_CORE_VERSION`; unset, the range the chosen pact-js depends on. */
  readonly pactCore?: string;
}

export const DEFAULT_COMPAT_NODE_VERSION = '22';
export const DEFAULT_COMPAT_PACT_VERSION = '17';

/** A version (`17.1.4`), a range (`17`, `^20.1`, `>=22 <23`) or a dist-tag (`latest`). */
export function isVersionSpec(value: string): boolean {
  return semver.validRange(value) !== null || /^[a-z][a-z0-9._-]*$/i.test(value);
}

const versionSpec = z.string().refine(isVersionSpec, {
  error: 'is not a version, a range or a dist-tag: write e.g. 17, ^17.1 or 17.1.4',
});

const CompatEnvSchema = z.object({
  COMPAT_NODE_VERSION: optionalText.pipe(versionSpec.default(DEFAULT_COMPAT_NODE_VERSION)),
  COMPAT_PACT_VERSION: optionalText.pipe(versionSpec.default(DEFAULT_COMPAT_PACT_VERSION)),
  COMPAT_PACT_CORE_VERSION: optionalText.pipe(versionSpec.optional()),
});

export function compatSettingsFrom(env: Env = process.env): CompatSettings {
  const parsed = CompatEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigurationError(variableProblems(parsed.error.issues), {
      heading: 'The compatibility run cannot start: a version variable is invalid.',
      fix: 'Set these variables in the environment or in .env, or leave them unset for the defaults; .env.example describes them.',
    });
  }
  return {
    node: parsed.data.COMPAT_NODE_VERSION,
    pactJs: parsed.data.COMPAT_PACT_VERSION,
    pactCore: parsed.data.COMPAT_PACT_CORE_VERSION,
  };
}
