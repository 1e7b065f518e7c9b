import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { clearOutputs } from '../../src/report/clear-outputs';

function reportsWithAPreviousRun(): string {
  const root = mkdtempSync(join(tmpdir(), 'clear-outputs-'));
  mkdirSync(join(root, 'allure-results'));
  for (let n = 0; n < 50; n += 1) writeFileSync(join(root, 'allure-results', `${n}-result.json`), '{}');
  writeFileSync(join(root, 'coverage.json'), '{}');
  mkdirSync(join(root, 'history'));
  return root;
}

test('the paths of the last run are free at once, and gone once the promise settles', async () => {
  const root = reportsWithAPreviousRun();
  const removed = clearOutputs([join(root, 'allure-results'), join(root, 'coverage.json')]);
  expect(existsSync(join(root, 'allure-results'))).toBe(false);
  expect(existsSync(join(root, 'coverage.json'))).toBe(false);
  mkdirSync(join(root, 'allure-results'));
  await removed;
  expect(readdirSync(root).sort()).toEqual(['allure-results', 'history']);
  expect(readdirSync(join(root, 'allure-results'))).toEqual([]);
});

test('what a stopped run left aside is swept by the next', async () => {
  const root = reportsWithAPreviousRun();
  mkdirSync(join(root, '.allure-results.removing-0000'));
  writeFileSync(join(root, '.allure-results.removing-0000', 'x-result.json'), '{}');
  await clearOutputs([join(root, 'allure-results')]);
  expect(readdirSync(root).sort()).toEqual(['coverage.json', 'history']);
});

test('a path that does not exist is no error', async () => {
  const root = mkdtempSync(join(tmpdir(), 'clear-outputs-'));
  await clearOutputs([join(root, 'missing'), join(root, 'nested', 'missing')]);
  expect(readdirSync(root)).toEqual([]);
});
