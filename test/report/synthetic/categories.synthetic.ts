import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { EnrollFactorClient } from '../../../src/client';

/** One failure of each cause, the way the real suites fail: through the typed client. */
let server: Server;
let baseUrl: string;

test.beforeAll(async () => {
  server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/api/v3/list-enrolled-factors') {
      // statusCode as a string: contract drift.
      response.end(JSON.stringify({ statusCode: '200', message: 'ok', data: [] }));
    } else if (path === '/api/v3/list-factors-to-enroll') {
      response.end(JSON.stringify({ statusCode: 200, message: 'ok', data: [{ factorType: 'SMS' }] }));
    } else if (path === '/api/v3/get-factor') {
      response.statusCode = 503;
      response.end('{}');
    } else {
      // Accepts everything: a provider defect for a test that expects a rejection.
      response.end(JSON.stringify({ statusCode: 200, message: 'ok' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = () => new EnrollFactorClient({ baseUrl, appId: 'app-1', accessToken: 'token-123456789' });

test('product defect: an expired enrollment token is rejected', async () => {
  const result = await client().attempt('enrollFactor', {
    factorType: 'SMS',
    enrollmentToken: 'expired-token',
    enrollmentData: { passCode: '123456' },
  });
  expect(result.ok, 'enroll-factor must reject an expired enrollment token').toBe(false);
});

test('contract drift: enrolled factors are listed', async () => {
  await client().listEnrolledFactors();
});

test('environment unavailable: the provider cannot be reached', async () => {
  await client().with({ baseUrl: 'http://127.0.0.1:9' }).listFactorsToEnroll();
});

test('environment unavailable: the provider answers 503', async () => {
  await client().getFactor({ factorId: 'user|phone' });
});

test('harness error: the configuration is incomplete', async () => {
  throw new Error('[enroll-factor-harness] GENAUTH_APP_ID is missing. Set it in .env (see .env.example).');
});

test('a passing test', async () => {
  expect((await client().listFactorsToEnroll()).length).toBeGreaterThanOrEqual(0);
});
