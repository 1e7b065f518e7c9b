import { expect, test } from '@playwright/test';
import semver from 'semver';
import { NoMatchingVersion, type PublishedManifest, type Registry } from '../../src/compat/registry';
import { compatSettingsFrom } from '../../src/compat/settings';
import { highest, resolveCompatVersions } from '../../src/compat/versions';

/** A registry holding these versions and manifests, answering as `npm view` does. */
function registryOf(
  published: Record<string, readonly string[]>,
  manifests: Record<string, PublishedManifest> = {},
): Registry {
  return {
    async versions(name, spec) {
      const found = (published[name] ?? []).filter((version) => semver.satisfies(version, spec));
      if (found.length === 0) throw new NoMatchingVersion(`${name}@${spec}`);
      return found;
    },
    async manifest(name, version) {
      return manifests[`${name}@${version}`] ?? { dependencies: {}, engines: {} };
    },
  };
}

const REGISTRY = registryOf(
  {
    node: ['20.20.2', '22.9.0', '22.23.3', '24.11.0'],
    '@pact-foundation/pact': ['16.5.0', '17.0.1', '17.1.4'],
    '@pact-foundation/pact-core': ['19.2.0', '20.1.1', '20.2.0'],
  },
  {
    '@pact-foundation/pact@17.1.4': {
      dependencies: { '@pact-foundation/pact-core': '^20.1.1', express: '^5.1.0' },
      engines: { node: '>=22' },
    },
    '@pact-foundation/pact@16.5.0': {
      dependencies: { '@pact-foundation/pact-core': '^19.2.0' },
      engines: { node: '>=20' },
    },
  },
);

test('by default: the newest Node.js 22, pact-js 17, and the newest pact core that pact-js accepts', async () => {
  expect(await resolveCompatVersions(compatSettingsFrom({}), REGISTRY)).toEqual({
    node: '22.23.3',
    pactJs: '17.1.4',
    pactCore: '20.2.0',
    pactCoreRange: '^20.1.1',
  });
});

test('the variables choose other versions, and blank ones count as unset', async () => {
  const settings = compatSettingsFrom({
    COMPAT_NODE_VERSION: '24',
    COMPAT_PACT_VERSION: ' ',
    COMPAT_PACT_CORE_VERSION: '20.1.1',
  });
  expect(await resolveCompatVersions(settings, REGISTRY)).toMatchObject({
    node: '24.11.0',
    pactJs: '17.1.4',
    pactCore: '20.1.1',
  });
});

test('a version that is not published names its variable and how to list the published ones', async () => {
  await expect(
    resolveCompatVersions(compatSettingsFrom({ COMPAT_PACT_VERSION: '99' }), REGISTRY),
  ).rejects.toThrow(
    '[enroll-factor-harness] COMPAT_PACT_VERSION=99: no published version matches @pact-foundation/pact@99 ' +
      'on the npm registry; npm view @pact-foundation/pact versions lists them.',
  );
});

test('a pact core the chosen pact-js does not accept is refused before anything is installed', async () => {
  const settings = compatSettingsFrom({ COMPAT_PACT_CORE_VERSION: '^19' });
  await expect(resolveCompatVersions(settings, REGISTRY)).rejects.toThrow(
    /COMPAT_PACT_CORE_VERSION=\^19 selects @pact-foundation\/pact-core 19\.2\.0, but @pact-foundation\/pact 17\.1\.4 depends on \^20\.1\.1/,
  );
});

test("a Node.js below the chosen pact-js's engines is refused", async () => {
  const settings = compatSettingsFrom({ COMPAT_NODE_VERSION: '20' });
  await expect(resolveCompatVersions(settings, REGISTRY)).rejects.toThrow(
    /COMPAT_NODE_VERSION=20 selects Node\.js 20\.20\.2, but @pact-foundation\/pact 17\.1\.4 requires Node\.js >=22/,
  );
});

test('a value that is no version, range or dist-tag is named with an example', () => {
  expect(() => compatSettingsFrom({ COMPAT_PACT_VERSION: '17!', COMPAT_NODE_VERSION: 'latest' })).toThrow(
    /^\[enroll-factor-harness\] The compatibility run cannot start: a version variable is invalid\.\n {2}- COMPAT_PACT_VERSION is not a version, a range or a dist-tag: write e\.g\. 17, \^17\.1 or 17\.1\.4\n/,
  );
});

test('the highest version is the one npm installs for a range', () => {
  expect(highest(['22.9.0', '22.23.3', '22.10.1'])).toBe('22.23.3');
});
