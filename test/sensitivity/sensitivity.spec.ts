import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { type CatalogCoverage, formatCoverage } from '../../src/report/catalog-coverage';
import { reportPaths } from '../../src/report/paths';
import { HEAVY } from '../heavy';
import { formatKillMatrix, type KillMatrix } from './kill-matrix';
import { defectsOf, runSensitivity } from './run-sensitivity';

const defects = defectsOf(process.env);

interface Sensitivity {
  readonly matrix: KillMatrix;
  readonly coverage: CatalogCoverage;
}

/** This Playwright run's earlier result: Playwright restarts the worker after a failed check, the run stays. */
function earlierResult(file: string): Sensitivity | undefined {
  try {
    const written = JSON.parse(readFileSync(file, 'utf8'));
    if (written.runId !== process.env.HARNESS_RUN_ID) return undefined;
    const { catalogCoverage: coverage, runId: _, ...matrix } = written;
    return { matrix, coverage };
  } catch {
    return undefined;
  }
}

/** Runs the sensitivity config in a child Playwright run, once per Playwright run, and builds the kill matrix. */
const test = base.extend<object, { sensitivity: Sensitivity }>({
  sensitivity: [
    async ({}, use) => {
      const file = join(reportPaths().root, 'sensitivity.json');
      const earlier = earlierResult(file);
      if (earlier) return use(earlier);
      const sensitivity = await runSensitivity();
      mkdirSync(dirname(file), { recursive: true });
      const written = {
        ...sensitivity.matrix,
        catalogCoverage: sensitivity.coverage,
        runId: process.env.HARNESS_RUN_ID,
      };
      writeFileSync(file, `${JSON.stringify(written, null, 2)}\n`);
      process.stdout.write(`\n${formatKillMatrix(sensitivity.matrix)}\n(written to ${file})\n`);
      await use(sensitivity);
    },
    { scope: 'worker', timeout: 60 * 60_000 },
  ],
});

test.describe('sensitivity to provider defects', HEAVY, () => {
  test.describe.configure({ mode: 'default' });

  test('the suites raise no false alarm against the faithful mock, whose factor ids are opaque', async ({
    sensitivity: { matrix },
  }, testInfo) => {
    await testInfo.attach('kill matrix', { body: formatKillMatrix(matrix), contentType: 'text/plain' });
    await testInfo.attach('sensitivity.json', {
      body: JSON.stringify(matrix, null, 2),
      contentType: 'application/json',
    });
    expect(matrix.clean.tests).toBeGreaterThan(0);
    expect(matrix.clean.failed).toEqual([]);
  });

  for (const defect of defects) {
    test(`the suites catch the provider defect ${defect}`, async ({ sensitivity: { matrix } }, testInfo) => {
      const row = matrix.defects.find((r) => r.defect === defect)!;
      testInfo.annotations.push(
        { type: 'caught by API tests', description: String(row.caughtByApi.length) },
        { type: 'caught by provider verification', description: String(row.caughtByProvider.length) },
      );
      expect(row.caughtByApi, `no API test fails when the mock ships "${row.description}"`).not.toEqual([]);
      expect(row.guardsThatMissed, 'tests that name this defect but do not catch it').toEqual([]);
    });
  }

  test('every defect of the catalog is caught: 100%', async ({ sensitivity: { matrix } }) => {
    expect(matrix.problems).toEqual([]);
    expect(matrix.caughtPercent).toBe(100);
  });

  test('every error catalog entry and behaviour decision is asserted by an API test', async ({
    sensitivity: { coverage },
  }, testInfo) => {
    await testInfo.attach('catalog coverage', { body: formatCoverage(coverage), contentType: 'text/plain' });
    expect(coverage.uncovered, 'catalog entries and decisions no API test asserts').toEqual([]);
  });
});
