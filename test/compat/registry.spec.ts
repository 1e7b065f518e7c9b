import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { npmRegistry } from '../../src/compat/registry';

/** A registry on loopback holding one package, as `npm view` reads it. */
const PACKUMENT = {
  name: '@pact-foundation/pact',
  'dist-tags': { latest: '17.1.4' },
  versions: Object.fromEntries(
    ['16.5.0', '17.0.1', '17.1.4'].map((version) => [
      version,
      {
        name: '@pact-foundation/pact',
        version,
        dependencies: { '@pact-foundation/pact-core': version.startsWith('17.1') ? '^20.1.1' : '^19.2.0' },
        engines: { node: version.startsWith('17') ? '>=22' : '>=20' },
        dist: { tarball: 'http://127.0.0.1/none.tgz', shasum: '0' },
      },
    ]),
  ),
};

let server: Server;
let registryUrl: string;
test.beforeAll(async () => {
  server = createServer((request, response) => {
    const found = decodeURIComponent(request.url ?? '').replace(/^\//, '') === PACKUMENT.name;
    response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(found ? PACKUMENT : { error: 'Not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  registryUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** npm asked with this registry and no cache of another run's answers. */
const envFor = (registry: string, cache: string): NodeJS.ProcessEnv => ({
  ...process.env,
  npm_config_registry: registry,
  npm_config_cache: cache,
  npm_config_prefer_online: 'true',
});

test('the versions a range selects, and the manifest of one, come from the configured registry', async ({}, testInfo) => {
  const registry = npmRegistry(envFor(registryUrl, testInfo.outputPath('npm-cache')));
  expect((await registry.versions('@pact-foundation/pact', '17')).sort()).toEqual(['17.0.1', '17.1.4']);
  expect(await registry.manifest('@pact-foundation/pact', '17.1.4')).toEqual({
    dependencies: { '@pact-foundation/pact-core': '^20.1.1' },
    engines: { node: '>=22' },
  });
});

test('a version nobody published is named, with how to list the published ones', async ({}, testInfo) => {
  const registry = npmRegistry(envFor(registryUrl, testInfo.outputPath('npm-cache')));
  await expect(registry.versions('@pact-foundation/pact', '99')).rejects.toThrow(
    '[enroll-factor-harness] no published version matches @pact-foundation/pact@99 on the npm registry; ' +
      'npm view @pact-foundation/pact versions lists them.',
  );
});

test('an unreachable registry is named, with what to check, within seconds', async ({}, testInfo) => {
  const closed = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const registry = npmRegistry(envFor(`http://127.0.0.1:${closed}/`, testInfo.outputPath('npm-cache')));
  const started = performance.now();
  await expect(registry.versions('@pact-foundation/pact', '17')).rejects.toThrow(
    new RegExp(
      `^\\[enroll-factor-harness\\] cannot reach http://127\\.0\\.0\\.1:${closed}/ to look up @pact-foundation/pact@17 \\(ECONNREFUSED\\): ` +
        "the compatibility run installs Node\\.js, pact-js and the pact core from it\\. Check the network, or npm's registry",
    ),
  );
  expect(performance.now() - started).toBeLessThan(20_000);
});
