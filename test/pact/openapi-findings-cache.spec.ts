import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { OFFICIAL_OPENAPI } from '../../src/pact/openapi-check';
import { cachedFindings } from '../../src/pact/openapi-findings-cache';

/** A validator that answers `findings` and counts how often it ran. */
function countingValidator(findings: string[]) {
  const validator = async () => {
    validator.runs += 1;
    return [...findings];
  };
  validator.runs = 0;
  return validator;
}

const scratch = () => mkdtempSync(join(tmpdir(), 'openapi-findings-'));

test('the same pact against the same spec is validated once, and answers the same findings after', async () => {
  const dir = scratch();
  const validate = countingValidator(['request.header.unknown']);
  expect(await cachedFindings('{"pact":1}', OFFICIAL_OPENAPI, validate, dir)).toEqual([
    'request.header.unknown',
  ]);
  expect(await cachedFindings('{"pact":1}', OFFICIAL_OPENAPI, validate, dir)).toEqual([
    'request.header.unknown',
  ]);
  expect(validate.runs).toBe(1);
});

test('a pact that differs in one byte, or another spec, is validated afresh', async () => {
  const dir = scratch();
  const validate = countingValidator([]);
  await cachedFindings('{"pact":1}', OFFICIAL_OPENAPI, validate, dir);
  await cachedFindings('{"pact":2}', OFFICIAL_OPENAPI, validate, dir);
  const otherSpec = join(dir, 'other-openapi.json');
  writeFileSync(otherSpec, '{"openapi":"3.0.0"}');
  await cachedFindings('{"pact":1}', otherSpec, validate, dir);
  expect(validate.runs).toBe(3);
});

test('an entry cut short is validated again and written whole', async () => {
  const dir = scratch();
  await cachedFindings('{"pact":1}', OFFICIAL_OPENAPI, countingValidator(['first']), dir);
  const [entry] = readdirSync(dir);
  if (!entry) throw new Error('no entry was written');
  writeFileSync(join(dir, entry), '["fir');
  const validate = countingValidator(['again']);
  expect(await cachedFindings('{"pact":1}', OFFICIAL_OPENAPI, validate, dir)).toEqual(['again']);
  expect(validate.runs).toBe(1);
  expect(readdirSync(dir)).toEqual([entry]);
});
