import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ConfigurationError } from '../../src/config/configuration-error';
import { GROUPS } from '../../src/config/declaration';
import { MAX_USER_VARIABLES } from '../../src/config/env-example';
import {
  DECLARATION_SETS,
  declarations,
  declaredNameOf,
  readVariables,
  VARIABLES,
} from '../../src/config/schema';

test('no variable is declared twice', () => {
  const names = DECLARATION_SETS.flatMap((set) => Object.keys(set));
  const twice = names.filter((name, index) => names.indexOf(name) !== index);
  expect(twice).toEqual([]);
  expect(Object.keys(VARIABLES)).toHaveLength(names.length);
});

test('every variable says what it does and what happens when it is unset', () => {
  const problems = declarations().flatMap(({ name, declaration }) => [
    ...(/^[A-Z][A-Z0-9_]*(_<n>)?$/.test(name) ? [] : [`${name}: not a variable name`]),
    ...(declaration.group in GROUPS ? [] : [`${name}: group ${declaration.group}`]),
    ...(/[.)]$/.test(declaration.description) ? [] : [`${name}: the description ends without a full stop`]),
    ...((declaration.default === undefined) !== (declaration.unset === undefined)
      ? []
      : [`${name}: needs a default or an unset text, not both`]),
  ]);
  expect(problems).toEqual([]);
});

test('a default goes through the parser, and stands in for a blank value too', () => {
  const withDefault = declarations().filter(({ declaration }) => declaration.default !== undefined);
  expect(withDefault.length).toBeGreaterThan(20);
  for (const { name, declaration } of withDefault) {
    const unset = declaration.parser.safeParse(undefined);
    expect(unset.success, `${name}=${declaration.default}`).toBe(true);
    expect(unset.data, name).not.toBeUndefined();
    expect(declaration.parser.safeParse('  ').data, name).toEqual(unset.data);
    expect(declaration.parser.safeParse(declaration.default).data, name).toEqual(unset.data);
  }
  expect(readVariables({}, ['CODE_TIMEOUT_MS', 'TARGET_ENV', 'PACT_CONSUMERS'])).toEqual({
    CODE_TIMEOUT_MS: 10_000,
    TARGET_ENV: 'mock',
    PACT_CONSUMERS: ['harness', 'authing-node-sdk'],
  });
});

test('a user sets at most 50 variables, the notification ones among them', () => {
  const byUser = declarations().filter(({ declaration }) => declaration.setBy === 'user');
  expect(byUser.length).toBeLessThanOrEqual(MAX_USER_VARIABLES);
  for (const name of ['NOTIFY_SLACK_WEBHOOK_URL', 'NOTIFY_WEBHOOK_URL', 'REPORT_URL'] as const) {
    expect(VARIABLES[name]).toMatchObject({ group: 'notifications', setBy: 'user' });
    expect(VARIABLES[name].parser.safeParse('not a url').success, name).toBe(false);
  }
  const internal = declarations().filter(({ name }) =>
    /^(MOCK|BENCH|SENSITIVITY|COMPAT|HARNESS)_/.test(name),
  );
  expect(internal.map(({ declaration }) => declaration.setBy)).not.toContain('user');
});

test('every problem of the variables a reader picks is named at once, by variable', () => {
  const read = () =>
    readVariables({ CODE_TIMEOUT_MS: '0x3c', LATENCY_MS: '150', FAKER_SEED: '42', PACT_URL: 'nope' }, [
      'CODE_TIMEOUT_MS',
      'LATENCY_MS',
      'FAKER_SEED',
      'PACT_URL',
    ]);
  expect(read).toThrow(ConfigurationError);
  expect(read).toThrow(
    /\n {2}- CODE_TIMEOUT_MS must be a whole number of at least 1, written in digits\n {2}- LATENCY_MS is not a range: .*\n {2}- PACT_URL is not an http\(s\) URL/,
  );
});

test('a numbered variable stands for its declaration', () => {
  expect(declaredNameOf('GENAUTH_ACCOUNT_7')).toBe('GENAUTH_ACCOUNT_<n>');
  expect(declaredNameOf('GENAUTH_ACCESS_TOKEN_12')).toBe('GENAUTH_ACCESS_TOKEN_<n>');
  expect(declaredNameOf('GENAUTH_ACCOUNT')).toBe('GENAUTH_ACCOUNT');
  expect(declaredNameOf('GENAUTH_APP_ID_2')).toBeUndefined();
  expect(declaredNameOf('MOCK_FAULTS')).toBeUndefined();
});

test('the Allure config, which reads its variables itself, falls back on the declared defaults', () => {
  // Allure loads allurerc.mjs without the harness's TypeScript, so it keeps its own copy of these defaults.
  const allurerc = readFileSync('allurerc.mjs', 'utf8');
  expect(allurerc).toContain(
    `Number(env.QUALITY_GATE_MIN_TESTS || ${VARIABLES.QUALITY_GATE_MIN_TESTS.default})`,
  );
  expect(allurerc).toContain(`Number(env.ALLURE_HISTORY_LIMIT || ${VARIABLES.ALLURE_HISTORY_LIMIT.default})`);
  expect(allurerc).toContain(`env.REPORTS_DIR || '${VARIABLES.REPORTS_DIR.default}'`);
});
