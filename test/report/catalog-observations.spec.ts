import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ERROR_CATALOG } from '../../src/contract';
import {
  missingPlantedDisagreement,
  OBSERVED_ERROR_ATTACHMENT,
  readObservations,
  recordCatalogObservations,
  tabulateObservations,
} from '../../src/report/catalog-observations';
import type { ObservedAnswer } from '../../src/report/observations';

const { factorAlreadyBound, wrongPassCode, enrollmentTokenExpired } = ERROR_CATALOG;

/** An answer as the catalog gives it, with some fields replaced. */
const answer = (
  entry: { httpStatus: number; statusCode: number; apiCode?: number; message: string },
  changes: Partial<ObservedAnswer> = {},
): ObservedAnswer => ({
  httpStatus: entry.httpStatus,
  statusCode: entry.statusCode,
  apiCode: entry.apiCode,
  message: entry.message,
  ...changes,
});

/** Writes Allure results as allure-playwright does: the observed errors as attachments of steps. */
function writeRun(
  dir: string,
  tests: Record<string, readonly { scenario: string; observed: ObservedAnswer }[]>,
) {
  mkdirSync(dir, { recursive: true });
  let n = 0;
  for (const [name, observations] of Object.entries(tests)) {
    const attachments = observations.map((observation) => {
      const source = `${++n}-attachment.json`;
      writeFileSync(join(dir, source), JSON.stringify({ ...observation, catalog: {} }));
      return { name: OBSERVED_ERROR_ATTACHMENT, source, type: 'application/json' };
    });
    const result = {
      name,
      fullName: `suites/api/x.spec.ts › ${name}`,
      status: 'passed',
      attachments: attachments.slice(0, 1),
      steps: [{ name: 'a step', attachments: attachments.slice(1), steps: [] }],
    };
    writeFileSync(join(dir, `${++n}-result.json`), JSON.stringify(result));
  }
}

const context = { target: 'staging', generatedAt: '2026-11-28T00:00:00.000Z', resultsDir: 'results' };

test('observed errors are read from the attachments of a run, steps included', ({}, testInfo) => {
  const dir = testInfo.outputPath('results');
  writeRun(dir, {
    'a wrong code is refused': [
      { scenario: 'wrongPassCode', observed: answer(wrongPassCode) },
      { scenario: 'wrongPassCode', observed: answer(wrongPassCode) },
    ],
  });
  const observations = readObservations(dir);
  expect(observations).toHaveLength(2);
  expect(observations[0]).toMatchObject({
    scenario: 'wrongPassCode',
    test: expect.stringContaining('wrong code'),
  });
});

test('each scenario is one row: agreeing rows stay quiet, a disagreement proposes the catalog change', () => {
  const table = tabulateObservations(
    [
      { scenario: 'wrongPassCode', observed: answer(wrongPassCode), test: 'a' },
      {
        scenario: 'factorAlreadyBound',
        observed: answer(factorAlreadyBound, { statusCode: 409 }),
        test: 'b',
      },
      {
        scenario: 'factorAlreadyBound',
        observed: answer(factorAlreadyBound, { statusCode: 409 }),
        test: 'c',
      },
    ],
    context,
  );
  expect(table.rows.map((row) => [row.scenario, row.agrees])).toEqual([
    ['factorAlreadyBound', false],
    ['wrongPassCode', true],
  ]);
  const [disagreement, agreement] = table.rows;
  expect(disagreement?.variants).toEqual([expect.objectContaining({ count: 2, tests: ['b', 'c'] })]);
  expect(disagreement?.proposal).toContain('ERROR_CATALOG.factorAlreadyBound: statusCode 422 → 409');
  expect(disagreement?.proposal).toContain(
    'observed on staging 2026-11-28: HTTP 200, statusCode 409, no apiCode',
  );
  expect(agreement?.proposal).toBeUndefined();
});

test('a missing apiCode is a disagreement too, and answers that differ among themselves are flagged', () => {
  const table = tabulateObservations(
    [
      {
        scenario: 'enrollmentTokenExpired',
        observed: answer(enrollmentTokenExpired, { apiCode: undefined }),
        test: 'a',
      },
      { scenario: 'wrongPassCode', observed: answer(wrongPassCode, { apiCode: 2002 }), test: 'b' },
      { scenario: 'wrongPassCode', observed: answer(wrongPassCode, { apiCode: 2003 }), test: 'c' },
    ],
    context,
  );
  const proposals = Object.fromEntries(table.rows.map((row) => [row.scenario, row.proposal]));
  expect(proposals.enrollmentTokenExpired).toContain('apiCode 2300 → none');
  expect(proposals.wrongPassCode).toContain('answered wrongPassCode in 2 different ways');
});

test('a planted disagreement is found only when its row proposes exactly the planted answer', () => {
  const observed = (statusCode: number) =>
    tabulateObservations(
      [{ scenario: 'factorAlreadyBound', observed: answer(factorAlreadyBound, { statusCode }), test: 'a' }],
      context,
    );
  expect(
    missingPlantedDisagreement(observed(409), 'factorAlreadyBound', { statusCode: 409 }),
  ).toBeUndefined();
  expect(missingPlantedDisagreement(observed(422), 'factorAlreadyBound', { statusCode: 409 })).toContain(
    'observed as the catalog says',
  );
  expect(missingPlantedDisagreement(observed(418), 'factorAlreadyBound', { statusCode: 409 })).toContain(
    'does not say statusCode 422 → 409',
  );
  expect(missingPlantedDisagreement(observed(409), 'wrongPassCode', { apiCode: 1 })).toContain(
    'no test observed',
  );
});

test('the table goes to the terminal, to JSON and into the run as one Allure result, replaced when written again', ({}, testInfo) => {
  const dir = testInfo.outputPath('results');
  writeRun(dir, {
    'a second binding is refused': [
      { scenario: 'factorAlreadyBound', observed: answer(factorAlreadyBound, { statusCode: 409 }) },
    ],
  });
  const jsonFile = testInfo.outputPath('catalog-observed.json');
  let printed = '';
  const out = { write: (text: string) => (printed += text) } as unknown as NodeJS.WritableStream;
  for (let round = 0; round < 2; round += 1) {
    recordCatalogObservations({ resultsDir: dir, jsonFile, target: 'staging', out });
  }
  expect(printed).toMatch(
    /factorAlreadyBound\s+HTTP 200, statusCode 422, no apiCode\s+HTTP 200, statusCode 409/,
  );
  expect(printed).toContain('DISAGREE');
  expect(printed).toContain('Proposed catalog changes');
  expect(JSON.parse(readFileSync(jsonFile, 'utf8'))).toMatchObject({
    target: 'staging',
    observations: 1,
    rows: [{ scenario: 'factorAlreadyBound', agrees: false }],
  });
  const results = readdirSync(dir)
    .filter((name) => name.endsWith('-result.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')))
    .filter((result) => result.fullName.startsWith('catalog:'));
  expect(results).toHaveLength(1);
  expect(results[0].description).toContain('| factorAlreadyBound | HTTP 200, statusCode 422, no apiCode |');
});

test('without results the command says where it looked and what to run', ({}, testInfo) => {
  expect(() => readObservations(testInfo.outputPath('nothing-here'))).toThrow(
    /no Allure results in .*nothing-here: run the suites against an environment first/,
  );
});
