import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { run, tsxArgs } from '../../src/process/run';

/** A throwaway project tree for the lint checks: `files` by path, with a tsconfig like the harness's. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'lint-selftest-'));
  const all: Record<string, string> = {
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'preserve', moduleResolution: 'bundler' } }),
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const DEPCRUISE = resolve('node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = resolve('.dependency-cruiser.cjs');

async function dependencyCheck(root: string) {
  const checked = ['src', 'fixtures', 'suites', 'cli'].filter((folder) => existsSync(join(root, folder)));
  return run(process.execPath, [DEPCRUISE, '--config', CONFIG, ...checked], { cwd: root, capture: true });
}

let roots: string[] = [];
test.afterEach(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots = [];
});

test.describe('the dependency check of npm run lint', () => {
  const cases = {
    'two files importing each other': {
      rule: 'no-circular',
      from: 'src/env/a.ts',
      files: {
        'src/env/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
        'src/env/b.ts': "import type { a } from './a';\nexport const b: typeof a | 1 = 1;\n",
      },
    },
    'two folders importing each other': {
      rule: 'no-folder-cycle',
      from: 'src/notify/one',
      files: {
        'src/notify/one/a.ts': "import { b } from '../two/b';\nexport const a = b;\n",
        'src/notify/two/b.ts': "import { c } from '../one/c';\nexport const b = c;\n",
        'src/notify/one/c.ts': 'export const c = 1;\n',
      },
    },
    'src importing a fixture': {
      rule: 'src-imports-only-src',
      from: 'src/env/uses-fixture.ts',
      files: {
        'src/env/uses-fixture.ts': "import { f } from '../../fixtures/f';\nexport const g = f;\n",
        'fixtures/f.ts': 'export const f = 1;\n',
      },
    },
    'the contract importing a layer above it': {
      rule: 'src-layer-contract',
      from: 'src/contract/dto.ts',
      files: {
        'src/contract/dto.ts': "import { client } from '../client/client';\nexport const dto = client;\n",
        'src/client/client.ts': 'export const client = 1;\n',
      },
    },
  } as const;

  test('fails on each way a dependency can point the wrong way, naming its rule', async () => {
    // One tree holding every case: each rule must name the case meant for it.
    const root = tree(Object.assign({}, ...Object.values(cases).map((item) => item.files)));
    roots.push(root);
    const result = await dependencyCheck(root);
    expect(result.exitCode, result.output).not.toBe(0);
    for (const [what, { rule, from }] of Object.entries(cases)) {
      expect(result.output, `${what} is reported as ${rule}`).toContain(`error ${rule}: ${from} →`);
    }
  });

  test('passes a tree whose dependencies point one way', async () => {
    const root = tree({
      'src/contract/dto.ts': 'export const dto = 1;\n',
      'src/client/client.ts': "import { dto } from '../contract/dto';\nexport const client = dto;\n",
      'fixtures/f.ts': "import { client } from '../src/client/client';\nexport const f = client;\n",
      'suites/s.ts': "import { f } from '../fixtures/f';\nexport const s = f;\n",
    });
    roots.push(root);
    const result = await dependencyCheck(root);
    expect(result.output).toContain('no dependency violations found');
    expect(result.exitCode).toBe(0);
  });
});

test('the file-size check of npm run lint fails on a source file over 400 lines, naming it', async () => {
  const line = 'export const x = 1;\n';
  const root = tree({
    'src/env/long.ts': line.repeat(401),
    'src/env/fine.ts': line.repeat(400),
    'test/long.spec.ts': line.repeat(900),
    'cli/.keep.ts': '',
    'fixtures/.keep.ts': '',
    'suites/.keep.ts': '',
  });
  roots.push(root);
  const result = await run(process.execPath, tsxArgs('cli/lint-file-size.ts', root), { capture: true });
  expect(result.exitCode).toBe(1);
  expect(result.output).toContain('src/env/long.ts has 401 lines, more than 400');
  expect(result.output).not.toContain('fine.ts');
  expect(result.output).not.toContain('test/long.spec.ts');
});
