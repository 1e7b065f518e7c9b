import { delimiter } from 'node:path';
import { expect, test } from '@playwright/test';
import { cloneEnv } from '../../src/compat/child-env';
import { causeIn } from '../../src/compat/commands';

test("the clone's commands run on the installed Node.js, in the clone, reporting under the compat folder", () => {
  const env = cloneEnv(
    {
      PATH: '/usr/bin',
      npm_config_local_prefix: '/work/checkout',
      npm_package_json: '/work/checkout/package.json',
      npm_lifecycle_event: 'compat:pact-next',
      npm_node_execpath: '/usr/bin/node',
      NODE: '/usr/bin/node',
      INIT_CWD: '/work/checkout',
      ALLURE_RESULTS_DIR: '/work/checkout/reports/allure-results',
      npm_config_registry: 'https://registry.example.test/',
      TARGET_ENV: 'mock',
    },
    { nodeBinDir: '/tmp/compat/node/node_modules/.bin', reportsDir: '/work/checkout/reports/compat' },
  );
  expect(env.PATH).toBe(['/tmp/compat/node/node_modules/.bin', '/usr/bin'].join(delimiter));
  expect(env.REPORTS_DIR).toBe('/work/checkout/reports/compat');
  for (const name of [
    'npm_config_local_prefix',
    'npm_package_json',
    'npm_lifecycle_event',
    'npm_node_execpath',
    'NODE',
    'INIT_CWD',
    'ALLURE_RESULTS_DIR',
  ]) {
    expect(Object.hasOwn(env, name), name).toBe(true);
    expect(env[name], name).toBeUndefined();
  }
  expect(env.npm_config_registry).toBe('https://registry.example.test/');
  expect(env.TARGET_ENV).toBe('mock');
});

test("a failed command's cause: the gate's failed steps, TypeScript's first error, or npm's error code", () => {
  const gateTail = [
    '[enroll-factor-harness] gate: 2 step(s) failed',
    '  FAIL  consumer pact tests + provider verification + API suites    22.4 s  playwright exited 1',
    '  ok    pact drift check                                             0.0 s  ',
    '  FAIL  OpenAPI check                                                1.0 s  1 finding(s) break the spec',
  ].join('\n');
  expect(causeIn(gateTail)).toBe(
    ' (failed: consumer pact tests + provider verification + API suites, OpenAPI check)',
  );
  expect(causeIn('npm error code ECONNREFUSED\nnpm error errno ECONNREFUSED')).toBe(
    ' (npm error ECONNREFUSED)',
  );
  const tscTail = [
    "src/errors.ts(44,14): error TS2322: Type 'string' is not assignable to type 'number'.",
    "src/mock/rules.ts(3,1): error TS2304: Cannot find name 'x'.",
    'npm error code 2',
  ].join('\n');
  expect(causeIn(tscTail)).toBe(
    " (first: src/errors.ts(44,14): error TS2322: Type 'string' is not assignable to type 'number'.)",
  );
  expect(causeIn('npm error Lifecycle script `typecheck` failed with error:\nnpm error code 2')).toBe('');
});
