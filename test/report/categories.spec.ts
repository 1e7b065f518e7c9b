import { expect } from '@playwright/test';
import { classifyFailure } from '../../src/report/failure-cause';
import { HEAVY } from '../heavy';
import { categoriesByTest, testsOfSuite } from './allure-report-data';
import { test } from './synthetic-reports';

test('each failure lands in the Allure category of its cause', HEAVY, ({ mixedReport: report }) => {
  expect(report.exitCode, 'the synthetic suites fail on purpose').toBe(1);
  expect(report.reportExitCode).toBe(0);

  const ofSuite = testsOfSuite(report.reportDir, 'categories.synthetic.ts');
  expect(ofSuite.size, 'every test of the suite is in the report').toBe(6);
  const categories = [...categoriesByTest(report.reportDir)].filter(([name]) => ofSuite.has(name));
  expect(Object.fromEntries(categories)).toEqual({
    'product defect: an expired enrollment token is rejected': 'Product defect',
    'contract drift: enrolled factors are listed': 'Contract drift',
    'environment unavailable: the provider cannot be reached': 'Environment unavailable',
    'environment unavailable: the provider answers 503': 'Environment unavailable',
    'harness error: the configuration is incomplete': 'Harness error',
  });
});

test('failure messages are classified by cause, the first matching cause winning', () => {
  const cases: [string, string][] = [
    [
      'TransportError: [enroll-factor-harness] GET /api/v3/get-factor: cannot reach http://127.0.0.1:9',
      'environment',
    ],
    ['[enroll-factor-harness] POST /x: no answer from https://a.b within 15000 ms', 'environment'],
    ['[enroll-factor-harness] GET /x: the server answered HTTP 503', 'environment'],
    ['[enroll-factor-harness] GET /x: the server answered HTTP 429', 'environment'],
    ['TypeError: fetch failed', 'environment'],
    ['ContractViolationError: [enroll-factor-harness] contract drift: the response of GET /x …', 'contract'],
    ['expect(received).toBe(expected)\n\nExpected: 400\nReceived: 200', 'product'],
    ['[enroll-factor-harness] POST /api/v3/enroll-factor answered statusCode 400 apiCode 1: bad', 'product'],
    ['[enroll-factor-harness] GENAUTH_APP_ID is missing', 'harness'],
    ['TypeError: cannot read properties of undefined', 'harness'],
  ];
  for (const [message, cause] of cases) expect(classifyFailure(message).id, message).toBe(cause);
});
