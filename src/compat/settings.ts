import { ConfigurationError } from '../config/configuration-error';
import type { Env } from '../config/parsers';
import { readVariables } from '../config/schema';

/** What the compatibility run installs over the lock: npm version specs, resolved on the registry. */
export interface CompatSettings {
  /** `COMPAT_NODE_VERSION`, default `22`: the `node` package of the npm registry. */
  readonly node: string;
  /** `COMPAT_PACT_VERSION`, default `17`: `@pact-foundation/pact`. */
  readonly pactJs: string;
  /** `COMPAT_PACT_CORE_VERSION`; unset, the range the chosen pact-js depends on. */
  readonly pactCore?: string;
}

export function compatSettingsFrom(env: Env = process.env): CompatSettings {
  const versions = readVariables(
    env,
    ['COMPAT_NODE_VERSION', 'COMPAT_PACT_VERSION', 'COMPAT_PACT_CORE_VERSION'],
    (problems) =>
      new ConfigurationError(problems, {
        heading: 'The compatibility run cannot start: a version variable is invalid.',
        fix: 'Set these variables in the environment or in .env, or leave them unset for the defaults; docs/variables.md describes them.',
      }),
  );
  return {
    node: versions.COMPAT_NODE_VERSION,
    pactJs: versions.COMPAT_PACT_VERSION,
    pactCore: versions.COMPAT_PACT_CORE_VERSION,
  };
}
