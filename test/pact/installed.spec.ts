import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { describeInstalledPact, installedPact, splitPactCore } from '../../src/pact/installed';

/** A checkout with the given packages under `node_modules`, each path relative to it. */
function checkoutWith(packages: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'installed-pact-'));
  writeFileSync(join(root, 'package.json'), '{"name":"checkout","private":true}\n');
  for (const [path, version] of Object.entries(packages)) {
    const dir = join(root, path);
    mkdirSync(dir, { recursive: true });
    const name = path.split('node_modules/').at(-1);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version, main: 'index.js' }));
  }
  return root;
}

let roots: string[] = [];
const checkout = (packages: Record<string, string>) => {
  const root = checkoutWith(packages);
  roots.push(root);
  return root;
};
test.afterEach(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots = [];
});

test('one pact core, hoisted beside pact-js: both load it', () => {
  const root = checkout({
    'node_modules/@pact-foundation/pact': '17.1.4',
    'node_modules/@pact-foundation/pact-core': '20.2.0',
  });
  const pact = installedPact(root);
  expect(describeInstalledPact(pact)).toBe('@pact-foundation/pact 17.1.4, @pact-foundation/pact-core 20.2.0');
  expect(splitPactCore(pact, root)).toBeUndefined();
});

test('a pact core pact-js does not accept leaves pact-js a copy of its own: named, with both versions', () => {
  const root = checkout({
    'node_modules/@pact-foundation/pact': '17.1.4',
    'node_modules/@pact-foundation/pact-core': '19.2.0',
    'node_modules/@pact-foundation/pact/node_modules/@pact-foundation/pact-core': '20.2.0',
  });
  const pact = installedPact(root);
  expect(pact.pactCore.version).toBe('19.2.0');
  expect(pact.pactCoreOfPactJs.version).toBe('20.2.0');
  expect(splitPactCore(pact, root)).toBe(
    '@pact-foundation/pact 17.1.4 loads @pact-foundation/pact-core 20.2.0 ' +
      '(node_modules/@pact-foundation/pact/node_modules/@pact-foundation/pact-core), the harness 19.2.0 ' +
      '(node_modules/@pact-foundation/pact-core). Install a pact core the pact-js accepts ' +
      '(npm view @pact-foundation/pact@<version> dependencies), so that npm keeps a single copy.',
  );
});

test('a checkout without pact-js is told to install it', () => {
  const root = checkout({});
  expect(() => installedPact(root)).toThrow(
    /^\[enroll-factor-harness\] @pact-foundation\/pact is not installed in .*: run npm ci there first\.$/,
  );
});

test("this checkout's pact-js and the harness load one pact core", () => {
  const pact = installedPact(process.cwd());
  expect(splitPactCore(pact, process.cwd())).toBeUndefined();
});
