import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { tallyFailures, tallyLine } from '../../src/report/failure-tally';

let n = 0;
function result(dir: string, historyId: string, status: string, stop: number, layer: string, message = '') {
  n += 1;
  writeFileSync(
    join(dir, `${n}-result.json`),
    JSON.stringify({
      historyId,
      status,
      stop,
      labels: [{ name: 'layer', value: layer }],
      statusDetails: { message },
    }),
  );
}

test('the failures are counted as the report counts them: the last attempt of each test, by layer and cause', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-'));
  result(dir, 'flaky', 'failed', 1, 'api suite', 'TransportError: cannot reach the target');
  result(dir, 'flaky', 'passed', 2, 'api suite');
  result(dir, 'defect', 'failed', 1, 'api suite', 'expect(received).toBe(expected)\nExpected: 400');
  result(dir, 'down', 'broken', 1, 'api suite', 'TransportError: cannot reach the target');
  result(dir, 'drift', 'failed', 1, 'fidelity', 'contract drift: data.factorId: tenant missing, mock string');
  result(dir, 'fine', 'passed', 1, 'fidelity');
  const tally = tallyFailures([dir]);
  expect(tally.failed).toBe(3);
  expect(tallyLine(tally)).toBe(
    '3 failed in the report: api suite 2 (Product defect 1, Environment unavailable 1), fidelity 1 (Contract drift)',
  );
  expect(tally.failures.map((failure) => [failure.cause, failure.message])).toEqual([
    ['product', 'expect(received).toBe(expected)'],
    ['environment', 'TransportError: cannot reach the target'],
    ['contract', 'contract drift: data.factorId: tenant missing, mock string'],
  ]);
  expect(tallyLine(tallyFailures([join(dir, 'missing')]))).toBe('no failed result in the report');
});
