import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { HEAVY } from '../heavy';
import { PLANTED, plantedNeedles } from './synthetic/planted';
import { test } from './synthetic-reports';
import { filesUnder, scanForNeedles, tempReportsDir } from './synthetic-run';

test(
  'planted secrets appear nowhere in results, report, JUnit, traces or logs',
  HEAVY,
  async ({ mixedReport: run }) => {
    // Among the synthetic suites of the run: planted secrets in every answer, and one failing test on purpose.
    expect(run.exitCode, 'the synthetic suites have failing tests on purpose').toBe(1);
    expect(run.reportExitCode).toBe(0);

    const files = filesUnder(run.reportsDir);
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
    expect(
      files.some((file) => file.endsWith('playwright-output.log')),
      "the run's terminal output was kept",
    ).toBe(true);
    const results = files
      .filter((file) => file.endsWith('-result.json'))
      .map((file) => readFileSync(file, 'utf8'));
    expect(results.join('\n'), 'the exchanges were recorded as steps').toContain(
      'sendEnrollFactorRequest: POST /api/v3/send-enroll-factor-request',
    );

    expect(await scanForNeedles(run.reportsDir, plantedNeedles())).toEqual([]);
  },
);

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
