import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DefectSet, parseDefects } from '../../src/mock/defect-set';
import { DEFECT_IDS, DEFECTS } from '../../src/mock/defects';
import { FAITHFUL_RULES, type Rules } from '../../src/mock/rules';

const CORE = join(process.cwd(), 'src/mock/core');

test('every defect replaces exactly one rule, with something other than the faithful behaviour', () => {
  for (const id of DEFECT_IDS) {
    const replaced = Object.entries(DEFECTS[id].overrides) as [keyof Rules, unknown][];
    expect(replaced, id).toHaveLength(1);
    const [[rule, value]] = replaced as [[keyof Rules, unknown]];
    expect(Object.keys(FAITHFUL_RULES), id).toContain(rule);
    expect(value, `${id} replaces ${rule} with the faithful value`).not.toBe(FAITHFUL_RULES[rule]);
  }
});

test('the rules in force are the faithful ones with each active defect replacing its rule', () => {
  const set = new DefectSet(['token-reusable', 'drop-api-code']);
  expect(set.rules).toEqual({ ...FAITHFUL_RULES, consumesToken: false, errorsCarryApiCode: false });
  set.replace([]);
  expect(set.rules).toEqual(FAITHFUL_RULES);
});

test('two defects that replace the same rule cannot be shipped together', () => {
  expect(() => parseDefects(['accept-expired-token', 'expire-tokens-early'])).toThrow(
    /accept-expired-token and expire-tokens-early both replace the rule tokenExpired/,
  );
});

test('no rule of the simulator names a defect: the core reads the rules alone', () => {
  for (const file of readdirSync(CORE)) {
    const source = readFileSync(join(CORE, file), 'utf8');
    expect(source, file).not.toMatch(/defect/i);
    for (const id of DEFECT_IDS) expect(source, `${file} names ${id}`).not.toContain(id);
  }
});
