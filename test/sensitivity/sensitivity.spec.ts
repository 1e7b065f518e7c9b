import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { DEFECT_IDS, type DefectId } from '../../src/mock/defects';
import { reportPaths } from '../../src/report/paths';
import { formatKillMatrix, type JsonReport, type KillMatrix, killMatrix, outcomesOf } from './kill-matrix';

const defects = (process.env.SENSITIVITY_DEFECTS?.split(',').filter(Boolean) ?? DEFECT_IDS) as DefectId[];

/** Runs the sensitivity config in a child Playwright run, once per worker, and builds the kill matrix. */
const test = base.extend<object, { matrix: KillMatrix }>({
  matrix: [
    async ({}, use) => {
      const scratch = mkdtempSync(join(tmpdir(), 'sensitivity-'));
      const json = join(scratch, 'report.json');
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        TARGET_ENV: 'mock',
        SENSITIVITY_JSON: json,
        SENSITIVITY_OUTPUT_DIR: join(scratch, 'results'),
        FORCE_COLOR: '0',
      };
      for (const name of ['GENAUTH_BASE_URL', 'MOCK_FAULTS', 'TEST_WORKER_INDEX', 'TEST_PARALLEL_INDEX'])
        delete env[name];
      await new Promise<void>((resolve, reject) => {
        const child = spawn('npx', ['playwright', 'test', '-c', 'test/sensitivity/sensitivity.config.ts'], {
          env,
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk) => {
          stderr += chunk;
        });
        child.once('error', reject);
        // The run exits non-zero by design (defects make tests fail); only a missing report is an error.
        child.once('exit', () => {
          try {
            readFileSync(json);
            resolve();
          } catch {
            reject(
              new Error(
                `[enroll-factor-harness] the sensitivity run wrote no report:\n${stderr.slice(-2000)}`,
              ),
            );
          }
        });
      });
      const matrix = killMatrix(outcomesOf(JSON.parse(readFileSync(json, 'utf8')) as JsonReport), defects);
      const file = join(reportPaths().root, 'sensitivity.json');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(matrix, null, 2)}\n`);
      process.stdout.write(`\n${formatKillMatrix(matrix)}\n(written to ${file})\n`);
      await use(matrix);
    },
    { scope: 'worker', timeout: 40 * 60_000 },
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
