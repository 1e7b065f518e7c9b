import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { listedVariables, renderEnvExample } from '../../src/config/env-example';
import { variablesReadIn } from '../../src/config/source-scan';
import { readVariableDocuments, variableDocumentProblems } from '../../src/config/variables-check';
import { renderVariablesTable, tableVariables } from '../../src/config/variables-table';

const generated = () => ({ envExample: renderEnvExample(), table: renderVariablesTable(), sources: [] });

test('the committed .env.example and docs/variables.md are what src/config/ declares, and the code reads no other variable', () => {
  expect(variableDocumentProblems(readVariableDocuments(process.cwd()))).toEqual([]);
});

test('the scanner sees the three ways a variable is read, and no lower-case or computed name', () => {
  const source = [
    'const a = process.env.TARGET_ENV;',
    'const b = env[\'FAKER_SEED\'] ?? env["REPORTS_DIR"];',
    'if (env.CI) run(env.npm_config_x, process.env[name], String(env.PACT_DIR));',
  ].join('\n');
  expect(variablesReadIn(source)).toEqual(['CI', 'FAKER_SEED', 'PACT_DIR', 'REPORTS_DIR', 'TARGET_ENV']);
});

test('a variable the code reads that neither document names fails the check, naming the file', () => {
  const root = mkdtempSync(join(tmpdir(), 'harness-variables-'));
  for (const path of ['.env.example', 'docs/variables.md', 'playwright.config.ts', 'allurerc.mjs']) {
    cpSync(path, join(root, path));
  }
  for (const dir of ['src', 'cli', 'fixtures', 'suites', 'bench', 'test/planted']) {
    mkdirSync(join(root, dir), { recursive: true });
  }
  writeFileSync(join(root, 'src/planted.ts'), 'export const x = process.env.PLANTED_UNKNOWN_VARIABLE;\n');
  writeFileSync(
    join(root, 'test/planted/run.config.ts'),
    "export const y = process.env['PLANTED_IN_CONFIG'];\n",
  );
  writeFileSync(
    join(root, 'test/planted/ignored.spec.ts'),
    'export const z = process.env.PLANTED_IN_A_TEST;\n',
  );
  expect(variableDocumentProblems(readVariableDocuments(root))).toEqual([
    'src/planted.ts reads PLANTED_UNKNOWN_VARIABLE, which neither .env.example nor docs/variables.md names: declare it in src/config/, then run `npm run docs`',
    'test/planted/run.config.ts reads PLANTED_IN_CONFIG, which neither .env.example nor docs/variables.md names: declare it in src/config/, then run `npm run docs`',
  ]);
});

test('a .env.example of more than 50 variables, or edited by hand, fails the check', () => {
  const planted = Array.from({ length: 51 }, (_, n) => `PLANTED_${n}=`).join('\n');
  const problems = variableDocumentProblems({ ...generated(), envExample: planted });
  expect(problems[0]).toMatch(/^\.env\.example is not what src\/config\/ declares: run `npm run docs`/);
  expect(problems).toContain(
    ".env.example lists 51 variables, more than 50: declare the ones a user rarely sets with setBy 'internal' (docs/variables.md lists them)",
  );
  expect(problems).toContain(
    'TARGET_ENV is declared in src/config/, but neither .env.example nor docs/variables.md names it: run `npm run docs`',
  );
  const table = renderVariablesTable().replace('| `MOCK_PORT` |', '| `MOCK_PORTS` |');
  expect(variableDocumentProblems({ ...generated(), table })).toEqual([
    'docs/variables.md is not what src/config/ declares: run `npm run docs` (and edit src/config/, not the file)',
    'MOCK_PORT is declared in src/config/, but neither .env.example nor docs/variables.md names it: run `npm run docs`',
  ]);
});

test('.env.example lists what a user sets, a numbered variable once; the table every other', () => {
  const listed = listedVariables(renderEnvExample());
  expect(listed.length).toBeLessThanOrEqual(50);
  expect(listed).toEqual(
    expect.arrayContaining(['TARGET_ENV', 'GENAUTH_ACCOUNT_<n>', 'NOTIFY_SLACK_WEBHOOK_URL']),
  );
  expect(renderEnvExample()).toContain('\nGENAUTH_ACCOUNT_2=\n');
  const table = tableVariables(renderVariablesTable());
  expect(table).toEqual(
    expect.arrayContaining(['MOCK_PORT', 'HARNESS_RUN_ID', 'SENSITIVITY_MODE', 'GITHUB_SHA']),
  );
  expect(table.filter((name) => listed.includes(name))).toEqual([]);
  expect(renderEnvExample()).not.toMatch(/^(MOCK|BENCH|SENSITIVITY|COMPAT|HARNESS)_/m);
});
