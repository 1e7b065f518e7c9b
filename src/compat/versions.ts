import semver from 'semver';
import { HarnessError } from '../errors';
import { NoMatchingVersion, type Registry } from './registry';
import type { CompatSettings } from './settings';

export const PACT_JS = '@pact-foundation/pact';
export const PACT_CORE = '@pact-foundation/pact-core';
/** The npm registry's Node.js: its versions are Node's, its install script fetches the platform's binary. */
export const NODE_PACKAGE = 'node';

/** The exact versions one compatibility run installs. */
export interface CompatVersions {
  readonly node: string;
  readonly pactJs: string;
  readonly pactCore: string;
  /** The pact core range the chosen pact-js depends on. */
  readonly pactCoreRange: string;
}

/** The highest of `versions`: what npm installs for the spec that selected them. */
export function highest(versions: readonly string[]): string {
  const sorted = semver.rsort(versions.filter((version) => semver.valid(version)));
  const [top] = sorted;
  if (top === undefined) throw new HarnessError(`no valid version among ${versions.join(', ')}`);
  return top;
}

/**
 * Resolves the settings to exact versions and refuses combinations that cannot work: a pact core the chosen
 * pact-js does not accept (pact-js would load a copy of its own, not the one the harness asks whether the
 * mock server has recorded a request), or a Node.js below the chosen pact-js's engines.
 */
export async function resolveCompatVersions(
  settings: CompatSettings,
  registry: Registry,
): Promise<CompatVersions> {
  /** The highest version `spec` selects; `source` says where the spec came from when none exists. */
  const lookUp = async (name: string, spec: string, source: string) => {
    try {
      return highest(await registry.versions(name, spec));
    } catch (error) {
      if (!(error instanceof NoMatchingVersion)) throw error;
      throw new HarnessError(`${source}: ${error.detail}`);
    }
  };
  const [node, pactJs] = await Promise.all([
    lookUp(NODE_PACKAGE, settings.node, `COMPAT_NODE_VERSION=${settings.node}`),
    lookUp(PACT_JS, settings.pactJs, `COMPAT_PACT_VERSION=${settings.pactJs}`),
  ]);
  const manifest = await registry.manifest(PACT_JS, pactJs);
  const pactCoreRange = manifest.dependencies[PACT_CORE];
  if (pactCoreRange === undefined) {
    throw new HarnessError(
      `${PACT_JS} ${pactJs} does not depend on ${PACT_CORE}, which the harness uses beside it; ` +
        'choose another COMPAT_PACT_VERSION.',
    );
  }
  const pactCore = settings.pactCore
    ? await lookUp(PACT_CORE, settings.pactCore, `COMPAT_PACT_CORE_VERSION=${settings.pactCore}`)
    : await lookUp(PACT_CORE, pactCoreRange, `the pact core range of ${PACT_JS} ${pactJs}`);
  if (!semver.satisfies(pactCore, pactCoreRange)) {
    throw new HarnessError(
      `COMPAT_PACT_CORE_VERSION=${settings.pactCore} selects ${PACT_CORE} ${pactCore}, but ${PACT_JS} ` +
        `${pactJs} depends on ${pactCoreRange}: pact-js would load a pact core of its own beside the ` +
        `harness's. Give a version within ${pactCoreRange}, or leave COMPAT_PACT_CORE_VERSION unset.`,
    );
  }
  const nodeRange = manifest.engines.node;
  if (nodeRange && !semver.satisfies(node, nodeRange)) {
    throw new HarnessError(
      `COMPAT_NODE_VERSION=${settings.node} selects Node.js ${node}, but ${PACT_JS} ${pactJs} requires ` +
        `Node.js ${nodeRange}. Give a Node.js version within ${nodeRange}.`,
    );
  }
  return { node, pactJs, pactCore, pactCoreRange };
}
