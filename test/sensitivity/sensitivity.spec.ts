import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { reportPaths } from '../../src/report/paths';
import { formatKillMatrix, type KillMatrix } from './kill-matrix';
import { defectsOf, runSensitivity } from './run-sensitivity';

const defects = defectsOf(process.env);

/** Runs the sensitivity config in a child Playwright run, once per worker, and builds the kill matrix. */
const test = base.extend<object, { matrix: KillMatrix }>({
  matrix: [
    async ({}, use) => {
      const matrix = await runSensitivity();
      const file = join(reportPaths().root, 'sensitivity.json');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(matrix, null, 2)}\n`);
      process.stdout.write(`\n${formatKillMatrix(matrix)}\n(written to ${file})\n`);
      await use(matrix);
    },
    { scope: 'worker', timeout: 60 * 60_000 },
  ],
});

test.describe('sensitivity to provider defects', () => {
  test.describe.configure({ mode: 'default' });

  test('the suites raise no false alarm against the faithful mock', async ({ matrix }, testInfo) => {
    await testInfo.attach('kill matrix', { body: formatKillMatrix(matrix), contentType: 'text/plain' });
    await testInfo.attach('sensitivity.json', {
      body: JSON.stringify(matrix, null, 2),
      contentType: 'application/json',
    });
    expect(matrix.clean.tests).toBeGreaterThan(0);
    expect(matrix.clean.failed).toEqual([]);
  });

  for (const defect of defects) {
    test(`the suites catch the provider defect ${defect}`, async ({ matrix }, testInfo) => {
      const row = matrix.defects.find((r) => r.defect === defect)!;
      testInfo.annotations.push(
        { type: 'caught by API tests', description: String(row.caughtByApi.length) },
        { type: 'caught by provider verification', description: String(row.caughtByProvider.length) },
      );
      expect(row.caughtByApi, `no API test fails when the mock ships "${row.description}"`).not.toEqual([]);
      expect(row.guardsThatMissed, 'tests that name this defect but do not catch it').toEqual([]);
    });
  }

  test('every defect of the catalog is caught: 100%', async ({ matrix }) => {
    expect(matrix.problems).toEqual([]);
    expect(matrix.caughtPercent).toBe(100);
  });
});
