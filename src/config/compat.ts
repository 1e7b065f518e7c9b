import { createRequire } from 'node:module';
import type semverModule from 'semver';
import { z } from '../contract/zod';
import { type Declaration, variableWithDefault } from './declaration';
import { optionalText } from './parsers';

/**
 * What `npm run compat:pact-next` installs over the lock, in a temporary clone of HEAD: a version, a range or a
 * dist-tag of each package on the npm registry, the highest match taken.
 */

/** What a run installs unless told otherwise: the next pact-js line and the Node.js it needs. */
export const COMPAT_DEFAULTS = { COMPAT_NODE_VERSION: '22', COMPAT_PACT_VERSION: '17' } as const;

const require = createRequire(import.meta.url);

/**
 * A version (`17.1.4`), a range (`17`, `^20.1`, `>=22 <23`) or a dist-tag (`latest`). semver (47 files) is
 * loaded when a value is checked: every process reads this declaration, few set the variables.
 */
function isVersionSpec(value: string): boolean {
  const semver = require('semver') as typeof semverModule;
  return semver.validRange(value) !== null || /^[a-z][a-z0-9._-]*$/i.test(value);
}

const versionSpec = optionalText.pipe(
  z
    .string()
    .refine(isVersionSpec, {
      error: 'is not a version, a range or a dist-tag: write e.g. 17, ^17.1 or 17.1.4',
    })
    .optional(),
);

const compat = (description: string) => ({ group: 'compat', setBy: 'internal', description }) as const;

export const COMPAT_VARIABLES = {
  COMPAT_NODE_VERSION: variableWithDefault({
    ...compat("Node.js, from the npm registry's `node` package."),
    default: COMPAT_DEFAULTS.COMPAT_NODE_VERSION,
    parser: versionSpec,
  }),
  COMPAT_PACT_VERSION: variableWithDefault({
    ...compat('@pact-foundation/pact.'),
    default: COMPAT_DEFAULTS.COMPAT_PACT_VERSION,
    parser: versionSpec,
  }),
} satisfies Record<string, Declaration>;
