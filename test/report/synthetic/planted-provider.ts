import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from '@playwright/test';
import { EnrollFactorClient, fetchTransport } from '../../../src/client';
import { attachExchange } from '../../../src/report';
import { otpauthUri, PLANTED, qrCodeDataUrl } from './planted';

/** A provider that answers with the planted secrets; registers its hooks in the calling test file. */
export function plantedProvider(): { client: () => EnrollFactorClient } {
  let server: Server;
  let baseUrl: string;

  const envelope = (data?: unknown) => ({ statusCode: 200, message: 'ok', requestId: 'req-1', data });

  test.beforeAll(async () => {
    server = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      response.setHeader('set-cookie', `session=${PLANTED.accessToken}`);
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (path === '/api/v3/send-enroll-factor-request') {
        response.end(
          JSON.stringify(
            envelope({
              enrollmentToken: PLANTED.enrollmentToken,
              otpData: {
                qrCodeUri: otpauthUri('Planted'),
                qrCodeDataUrl,
                recoveryCode: PLANTED.recoveryCode,
              },
            }),
          ),
        );
      } else if (path === '/api/v3/mfa-totp-verify') {
        response.end(JSON.stringify(envelope({ verified: true })));
      } else if (path === '/api/v3/list-enrolled-factors') {
        response.end(JSON.stringify(envelope([])));
      } else {
        response.end(JSON.stringify(envelope()));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const client = () =>
    new EnrollFactorClient({
      baseUrl,
      appId: 'app-1',
      accessToken: PLANTED.accessToken,
      transport: fetchTransport(),
      onExchange: attachExchange,
    });
  return { client };
}
