import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { lookUpVersions, pactNextCommands } from '../../src/compat/pact-next';
import { freePort } from '../../src/process/server';

test('after installing Node.js it runs what the pact-next job runs, in that order', () => {
  const versions = { node: '22.23.3', pactJs: '17.1.4', pactCoreRange: '^20.1.1' };
  const commands = pactNextCommands(versions, '/w/harness', '/w/node');
  expect(commands.map(({ args, cwd, says }) => [cwd, `npm ${args.join(' ')}`, says])).toEqual([
    ['/w/node', 'npm install --no-audit --no-fund --ignore-scripts=false node@22.23.3', undefined],
    ['/w/harness', 'npm ci --no-audit --no-fund', undefined],
    [
      '/w/harness',
      'npm install --no-save --no-audit --no-fund @pact-foundation/pact@17.1.4 @pact-foundation/pact-core@^20.1.1',
      undefined,
    ],
    ['/w/harness', 'npm run pact:versions', 'Node.js v22.23.3, @pact-foundation/pact 17.1.4'],
    ['/w/harness', 'npm run typecheck', undefined],
    ['/w/harness', 'npm run gate', undefined],
  ]);
  const workflow = readFileSync('.github/workflows/contract-gate.yml', 'utf8');
  const job = /\n {2}pact-next:\n[\s\S]*?(?=\n {2}\w[\w-]*:\n)/.exec(workflow)?.[0] ?? '';
  const run = (job.match(/run: .*/g) ?? []).join('\n');
  for (const command of ['npm ci', 'npm install --no-save', 'npm run pact:versions', 'npm run typecheck']) {
    expect(run, `the pact-next job runs ${command}`).toContain(command);
  }
  expect(run).toMatch(/npm run gate$/);
});

test.describe('looking up the versions on the npm registry', () => {
  // pact-js 17.1.10 sorts below 17.1.9 as text: the highest is taken by number.
  const published = {
    node: ['22.9.0', '22.23.3', '20.20.2'].map((version) => ({ version })),
    '@pact-foundation/pact': ['17.1.10', '17.0.1', '17.1.9', '16.5.0'].map((version) => ({
      version,
      dependencies: { '@pact-foundation/pact-core': version.startsWith('17.1') ? '^20.1.1' : '^19.2.0' },
    })),
  };
  let server: Server;
  let registry: string;
  test.beforeAll(async () => {
    server = createServer((request, response) => {
      const name = decodeURIComponent(request.url ?? '').slice(1) as keyof typeof published;
      const versions = published[name];
      response.writeHead(versions ? 200 : 404, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          versions
            ? {
                name,
                'dist-tags': { latest: versions[0]?.version },
                versions: Object.fromEntries(versions.map((v) => [v.version, { name, ...v }])),
              }
            : { error: 'Not found' },
        ),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** npm asked with this registry, no cache of another run's answers. */
  const envOf = (testInfo: { outputPath(name: string): string }, variables: NodeJS.ProcessEnv = {}) => ({
    ...process.env,
    npm_config_registry: registry,
    npm_config_cache: testInfo.outputPath('npm-cache'),
    COMPAT_NODE_VERSION: undefined,
    COMPAT_PACT_VERSION: undefined,
    ...variables,
  });

  test('by default the highest Node.js 22, pact-js 17, and the pact core range it depends on', async ({}, testInfo) => {
    expect(await lookUpVersions(envOf(testInfo))).toEqual({
      node: '22.23.3',
      pactJs: '17.1.10',
      pactCoreRange: '^20.1.1',
    });
  });

  test('a version nobody published is named with its variable', async ({}, testInfo) => {
    await expect(lookUpVersions(envOf(testInfo, { COMPAT_PACT_VERSION: '99' }))).rejects.toThrow(
      '[enroll-factor-harness] COMPAT_PACT_VERSION=99: no published version of @pact-foundation/pact matches it; ' +
        'npm view @pact-foundation/pact versions lists them.',
    );
  });

  test('an unreachable registry is named, with what to check', async ({}, testInfo) => {
    const closed = `http://127.0.0.1:${await freePort()}/`;
    await expect(lookUpVersions(envOf(testInfo, { npm_config_registry: closed }))).rejects.toThrow(
      /looking up (node|@pact-foundation\/pact)@(22|17), the npm registry cannot be reached: check the network, or npm's registry and proxy settings \(npm config get registry\)\. npm said: FetchError: .*ECONNREFUSED/,
    );
  });
});
