import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PLANTED, plantedNeedles } from './synthetic/planted';
import {
  filesUnder,
  generateAllureReport,
  runSyntheticSuite,
  scanForNeedles,
  tempReportsDir,
} from './synthetic-run';

test.describe.configure({ timeout: 300_000 });

test('planted secrets appear nowhere in results, report, JUnit, traces or logs', async () => {
  const reportsDir = tempReportsDir('redaction');
  const run = runSyntheticSuite('secrets', reportsDir, { env: { SYNTHETIC_TRACE: 'on' } });
  mkdirSync(join(reportsDir, 'logs'), { recursive: true });
  writeFileSync(join(reportsDir, 'logs', 'playwright-output.log'), run.output);
  expect(run.exitCode, 'the synthetic suite has one failing test on purpose').toBe(1);
  expect(generateAllureReport(reportsDir, [join(reportsDir, 'allure-results')]).exitCode).toBe(0);

  const files = filesUnder(reportsDir);
  expect(
    files.some((file) => file.endsWith('trace.zip')),
    'traces were recorded',
  ).toBe(true);
  expect(
    files.some((file) => file.endsWith('.xml')),
    'JUnit XML was written',
  ).toBe(true);
  expect(
    files.some((file) => file.endsWith('index.html')),
    'the Allure report was generated',
  ).toBe(true);
  const results = files
    .filter((file) => file.endsWith('-result.json'))
    .map((file) => readFileSync(file, 'utf8'));
  expect(results.join('\n'), 'the exchanges were recorded as steps').toContain(
    'sendEnrollFactorRequest: POST /api/v3/send-enroll-factor-request',
  );

  expect(await scanForNeedles(reportsDir, plantedNeedles())).toEqual([]);
});

test("the scan finds planted secrets where they are, in a report's embedded data files too", async () => {
  const hits = await scanForNeedles(join(import.meta.dirname, 'synthetic'), plantedNeedles());
  expect(hits.map((hit) => hit.file)).toContain('planted.ts');

  const reportDir = tempReportsDir('embedded');
  const result = Buffer.from(JSON.stringify({ message: `token ${PLANTED.enrollmentToken}` }));
  writeFileSync(
    join(reportDir, 'index.html'),
    `<script>d("data/test-results/x.json","${result.toString('base64')}")</script>`,
  );
  expect(await scanForNeedles(reportDir, [PLANTED.enrollmentToken])).toEqual([
    { file: 'index.html!data/test-results/x.json', needle: PLANTED.enrollmentToken },
  ]);
});
