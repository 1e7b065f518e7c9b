import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { HarnessError } from '../errors';

export interface InstalledPackage {
  readonly version: string;
  /** Where it is installed. */
  readonly dir: string;
}

/** The pact-js of a checkout, and the pact core each side loads. */
export interface InstalledPact {
  readonly pactJs: InstalledPackage;
  /** The pact core the harness imports (`src/pact/mock-server.ts`). */
  readonly pactCore: InstalledPackage;
  /** The pact core pact-js itself loads. */
  readonly pactCoreOfPactJs: InstalledPackage;
}

/** The pact-js and pact cores installed under `root`, resolved as Node resolves them from there. */
export function installedPact(root: string): InstalledPact {
  const fromRoot = createRequire(join(root, 'package.json'));
  const pactJs = installed(fromRoot, '@pact-foundation/pact', root);
  return {
    pactJs,
    pactCore: installed(fromRoot, '@pact-foundation/pact-core', root),
    pactCoreOfPactJs: installed(
      createRequire(join(pactJs.dir, 'package.json')),
      '@pact-foundation/pact-core',
      root,
    ),
  };
}

function installed(require: NodeJS.Require, name: string, root: string): InstalledPackage {
  let manifest: string;
  try {
    manifest = require.resolve(`${name}/package.json`);
  } catch {
    throw new HarnessError(`${name} is not installed in ${root}: run npm ci there first.`);
  }
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { version, dir: dirname(manifest) };
}

/**
 * Why the install cannot be trusted, or undefined: the harness asks the pact core it imports whether the
 * mock server pact-js started has recorded a request, so both must load one and the same pact core. Two
 * copies appear when a pact core is installed that the installed pact-js does not accept.
 */
export function splitPactCore(pact: InstalledPact, root: string): string | undefined {
  if (pact.pactCore.dir === pact.pactCoreOfPactJs.dir) return undefined;
  const where = (item: InstalledPackage) => `${item.version} (${relative(root, item.dir)})`;
  return (
    `@pact-foundation/pact ${pact.pactJs.version} loads @pact-foundation/pact-core ${where(pact.pactCoreOfPactJs)}, ` +
    `the harness ${where(pact.pactCore)}. Install a pact core the pact-js accepts ` +
    '(npm view @pact-foundation/pact@<version> dependencies), so that npm keeps a single copy.'
  );
}

export function describeInstalledPact(pact: InstalledPact): string {
  return `@pact-foundation/pact ${pact.pactJs.version}, @pact-foundation/pact-core ${pact.pactCore.version}`;
}
