import { expect, test } from '@playwright/test';
import { type JsonReport, killMatrix, outcomesOf } from './kill-matrix';

function report(
  tests: Array<{
    project: string;
    title: string;
    status: string;
    guards?: string[];
    error?: string;
    expectedStatus?: string;
    annotations?: { type: string; description: string }[];
  }>,
): JsonReport {
  return {
    suites: [
      {
        title: 'suites/api/x.spec.ts',
        specs: tests.map((t) => ({
          title: t.title,
          file: 'x.spec.ts',
          tests: [
            {
              projectName: t.project,
              annotations: [
                ...(t.guards ?? []).map((description) => ({ type: 'defect', description })),
                ...(t.annotations ?? []),
              ],
              ...(t.expectedStatus ? { expectedStatus: t.expectedStatus } : {}),
              results: [{ status: t.status, ...(t.error ? { error: { message: t.error } } : {}) }],
            },
          ],
        })),
      },
    ],
  };
}

const guard = { title: 'expired tokens are rejected', guards: ['accept-expired-token'] };

test('a defect that makes its guarding test fail is caught', () => {
  const matrix = killMatrix(
    outcomesOf(
      report([
        { project: 'api@clean', status: 'passed', ...guard },
        { project: 'api@accept-expired-token', status: 'failed', ...guard },
        { project: 'provider@accept-expired-token', status: 'failed', title: 'pact interaction' },
      ]),
    ),
    ['accept-expired-token'],
  );
  expect(matrix.problems).toEqual([]);
  expect(matrix.caughtPercent).toBe(100);
  expect(matrix.defects[0]).toMatchObject({
    caughtByApi: ['suites/api/x.spec.ts › expired tokens are rejected'],
    caughtByProvider: ['suites/api/x.spec.ts › pact interaction'],
  });
});

test('a defect no test catches is named as a problem', () => {
  const matrix = killMatrix(
    outcomesOf(
      report([
        { project: 'api@clean', status: 'passed', ...guard },
        { project: 'api@accept-expired-token', status: 'passed', ...guard },
      ]),
    ),
    ['accept-expired-token'],
  );
  expect(matrix.caughtPercent).toBe(0);
  expect(matrix.problems).toEqual([
    'defect accept-expired-token is caught by no API test',
    '"suites/api/x.spec.ts › expired tokens are rejected" names defect accept-expired-token but passes with it switched on',
  ]);
});

test('a failure against the faithful mock is a false alarm', () => {
  const matrix = killMatrix(
    outcomesOf(
      report([
        { project: 'api@clean', status: 'failed', ...guard },
        { project: 'api@accept-expired-token', status: 'failed', ...guard },
      ]),
    ),
    ['accept-expired-token'],
  );
  expect(matrix.problems).toEqual([
    'false alarm: "suites/api/x.spec.ts › expired tokens are rejected" (api) fails against the faithful mock',
  ]);
});

test('a defect that no scenario names is a problem even when something fails', () => {
  const matrix = killMatrix(
    outcomesOf(
      report([
        { project: 'api@clean', status: 'passed', title: 'unrelated' },
        { project: 'api@bind-nothing', status: 'failed', title: 'unrelated' },
      ]),
    ),
    ['bind-nothing'],
  );
  expect(matrix.problems).toEqual(['defect bind-nothing is named by no API scenario']);
});

const provoked = (status: string, expectedStatus: string) => ({
  project: 'api@claimed',
  status,
  expectedStatus,
  title: 'expired tokens are rejected (under provider defect accept-expired-token)',
  annotations: [{ type: 'provoked defect', description: 'accept-expired-token' }],
  guards: ['accept-expired-token'],
});

test('in the claimed run, a copy that fails as expected under its defect catches it', () => {
  const matrix = killMatrix(
    outcomesOf(
      report([{ project: 'api@claimed', status: 'passed', ...guard }, provoked('failed', 'failed')]),
    ),
    ['accept-expired-token'],
    'claimed',
  );
  expect(matrix.problems).toEqual([]);
  expect(matrix.defects[0]?.caughtByApi).toEqual(['suites/api/x.spec.ts › expired tokens are rejected']);
});

test('in the claimed run, a copy that passes under its defect is a guard that missed', () => {
  const matrix = killMatrix(
    outcomesOf(
      report([{ project: 'api@claimed', status: 'passed', ...guard }, provoked('passed', 'failed')]),
    ),
    ['accept-expired-token'],
    'claimed',
  );
  expect(matrix.defects[0]?.guardsThatMissed).toEqual(['suites/api/x.spec.ts › expired tokens are rejected']);
});

test('a copy that fails before its defect is switched on is a problem, not a catch', () => {
  const matrix = killMatrix(
    outcomesOf(
      report([
        { project: 'api@claimed', status: 'passed', ...guard },
        { ...provoked('failed', 'passed'), error: 'no mock to switch\n  at stack' },
      ]),
    ),
    ['accept-expired-token'],
    'claimed',
  );
  expect(matrix.problems).toContain(
    '"suites/api/x.spec.ts › expired tokens are rejected" failed before its defect was switched on: no mock to switch',
  );
  expect(matrix.caughtPercent).toBe(0);
});
