import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { tsxArgs } from '../../src/process/run';
import { clearOutputs } from '../../src/report/clear-outputs';
import { hasTestResults, setAsideOutputs } from '../../src/report/previous-outputs';
import { runNested } from '../nested-run';

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

test.describe("a run's outputs set aside", () => {
  const lastRun = () => {
    const root = reportsWithAPreviousRun();
    writeFileSync(join(root, 'history', 'history.jsonl'), 'last');
    return { root, results: join(root, 'allure-results'), history: join(root, 'history') };
  };

  test('come back when the new run has no results of its own, and what it wrote goes', async () => {
    const { root, results, history } = lastRun();
    const previous = setAsideOutputs([results, history, join(root, 'allure-report')]);
    expect(existsSync(results)).toBe(false);
    mkdirSync(join(root, 'allure-report'));
    writeFileSync(join(root, 'allure-report', 'index.html'), 'half a report');
    expect(hasTestResults(results)).toBe(false);
    await previous.settle(results);
    expect(readdirSync(results)).toHaveLength(50);
    expect(readFileSync(join(history, 'history.jsonl'), 'utf8')).toBe('last');
    expect(existsSync(join(root, 'allure-report'))).toBe(false);
    expect(readdirSync(root).filter((entry) => entry.startsWith('.'))).toEqual([]);
  });

  test('go once the new run has results of its own', async () => {
    const { root, results } = lastRun();
    const previous = setAsideOutputs([results]);
    mkdirSync(results);
    writeFileSync(join(results, 'new-result.json'), '{}');
    expect(hasTestResults(results)).toBe(true);
    await previous.settle(results);
    expect(readdirSync(results)).toEqual(['new-result.json']);
    expect(readdirSync(root).filter((entry) => entry.startsWith('.'))).toEqual([]);
  });

  test('come back when the process ends before the run says, and after a run that was killed', async () => {
    const { root, results } = lastRun();
    const script = [
      `import { mkdirSync } from 'node:fs';`,
      `import { setAsideOutputs } from '${join(process.cwd(), 'src/report/previous-outputs.ts')}';`,
      `setAsideOutputs([${JSON.stringify(results)}]);`,
      `mkdirSync(${JSON.stringify(results)});`,
      `process.exit(process.argv[2] === 'kill' ? (process.kill(process.pid, 'SIGKILL'), 0) : 130);`,
    ].join('\n');
    const file = join(root, 'interrupted.mts');
    writeFileSync(file, script);
    const exited = await runNested(process.execPath, tsxArgs(file));
    expect(exited.exitCode).toBe(130);
    expect(readdirSync(results)).toHaveLength(50);

    // Killed outright, no exit handler runs: the outputs stay aside until the next run puts them back.
    await runNested(process.execPath, tsxArgs(file, 'kill'));
    expect(readdirSync(results)).toEqual([]);
    const next = setAsideOutputs([results]);
    next.restore();
    expect(readdirSync(results)).toHaveLength(50);
    expect(readdirSync(root).filter((entry) => entry.startsWith('.'))).toEqual([]);
  });
});
