import { test as base, expect } from '@playwright/test';
import {
  ContractViolationError,
  EnrollFactorClient,
  fetchTransport,
  GenAuthApiError,
  TransportError,
} from '../../src/client';
import { playwrightTransport } from '../../src/client/playwright-transport';
import { type RecordingServer, startRecordingServer } from './recording-server';

const TOKEN = 'access-token-value';
const APP_ID = '6305f4e6d5a1d0c2a1d0c2a1';
const ENROLLMENT_TOKEN = 'x'.repeat(172);

const test = base.extend<{ server: RecordingServer; client: EnrollFactorClient }>({
  server: async ({}, use) => {
    const server = await startRecordingServer();
    await use(server);
    await server.close();
  },
  client: async ({ server }, use) => {
    await use(new EnrollFactorClient({ baseUrl: server.url, appId: APP_ID, accessToken: TOKEN }));
  },
});

const success = (data?: unknown) => ({ statusCode: 200, message: 'Operation successful', data });
const factor = {
  factorId: '6229ffa1cade3e3d9|phone',
  factorType: 'SMS',
  profile: { phoneNumber: '18800008888' },
};

test.describe('requests', () => {
  const calls = [
    {
      name: 'sendEnrollFactorRequest',
      run: (c: EnrollFactorClient) =>
        c.sendEnrollFactorRequest({ factorType: 'SMS', profile: { phoneNumber: '18800008888' } }),
      data: { enrollmentToken: ENROLLMENT_TOKEN },
      method: 'POST',
      url: '/api/v3/send-enroll-factor-request',
      body: { factorType: 'SMS', profile: { phoneNumber: '18800008888' } },
    },
    {
      name: 'enrollFactor',
      run: (c: EnrollFactorClient) =>
        c.enrollFactor({
          factorType: 'SMS',
          enrollmentToken: ENROLLMENT_TOKEN,
          enrollmentData: { passCode: '123456' },
        }),
      data: undefined,
      method: 'POST',
      url: '/api/v3/enroll-factor',
      body: { factorType: 'SMS', enrollmentToken: ENROLLMENT_TOKEN, enrollmentData: { passCode: '123456' } },
    },
    {
      name: 'resetFactor',
      run: (c: EnrollFactorClient) => c.resetFactor({ factorId: factor.factorId }),
      data: undefined,
      method: 'POST',
      url: '/api/v3/reset-factor',
      body: { factorId: factor.factorId },
    },
    {
      name: 'listEnrolledFactors',
      run: (c: EnrollFactorClient) => c.listEnrolledFactors(),
      data: [factor],
      method: 'GET',
      url: '/api/v3/list-enrolled-factors',
    },
    {
      name: 'getFactor',
      run: (c: EnrollFactorClient) => c.getFactor({ factorId: factor.factorId }),
      data: factor,
      method: 'GET',
      url: '/api/v3/get-factor?factorId=6229ffa1cade3e3d9%7Cphone',
    },
    {
      name: 'listFactorsToEnroll',
      run: (c: EnrollFactorClient) => c.listFactorsToEnroll(),
      data: [{ factorType: 'OTP' }],
      method: 'GET',
      url: '/api/v3/list-factors-to-enroll',
    },
    {
      name: 'mfaOtpVerify',
      run: (c: EnrollFactorClient) => c.mfaOtpVerify({ totp: '612311' }),
      data: { verified: true },
      method: 'POST',
      url: '/api/v3/mfa-totp-verify',
      body: { totp: '612311' },
    },
  ] as const;

  for (const call of calls) {
    test(`${call.name} sends ${call.method} ${call.url.split('?')[0]} and resolves with its data`, async ({
      server,
      client,
    }) => {
      server.answer({ body: success(call.data) });
      const result = await call.run(client);
      expect(result).toEqual(call.data);
      const [request] = server.requests;
      expect(request).toMatchObject({ method: call.method, url: call.url });
      expect(request?.headers).toMatchObject({
        authorization: `Bearer ${TOKEN}`,
        'x-authing-app-id': APP_ID,
      });
      if ('body' in call) {
        expect(request?.headers['content-type']).toBe('application/json');
        expect(JSON.parse(request?.body ?? '')).toEqual(call.body);
      } else {
        expect(request?.body).toBe('');
        expect(request?.headers['content-type']).toBeUndefined();
      }
    });
  }

  test('the bare token form sends the access token without "Bearer"', async ({ server, client }) => {
    server.answer({ body: success([]) });
    await client.with({ authScheme: 'bare' }).listEnrolledFactors();
    expect(server.requests[0]?.headers.authorization).toBe(TOKEN);
  });

  test('no authorization header is sent without an access token', async ({ server, client }) => {
    server.answer({ body: success([]) });
    await client.with({ accessToken: undefined }).listEnrolledFactors();
    expect(server.requests[0]?.headers).not.toHaveProperty('authorization');
  });

  test('the GenAuth app id header and the language header are sent when configured', async ({
    server,
    client,
  }) => {
    server.answer({ body: success([]) });
    await client.with({ appIdHeader: 'x-genauth-app-id', lang: 'en-US' }).listFactorsToEnroll();
    const { headers } = server.requests[0]!;
    expect(headers['x-genauth-app-id']).toBe(APP_ID);
    expect(headers).not.toHaveProperty('x-authing-app-id');
    expect(headers['x-authing-lang']).toBe('en-US');
  });

  test('raw sends a malformed body, a verbatim query and header overrides as given', async ({
    server,
    client,
  }) => {
    server.answer({ body: { statusCode: 400, message: 'bad json' } });
    const result = await client.raw('enrollFactor', {
      rawBody: '{"factorType":',
      headers: { authorization: undefined },
    });
    expect(result.ok).toBe(false);
    expect(server.requests[0]?.body).toBe('{"factorType":');
    expect(server.requests[0]?.headers).not.toHaveProperty('authorization');

    server.answer({ body: success(factor) });
    await client.raw('getFactor', { query: 'factorId=abc|phone&' });
    expect(server.requests[1]?.url).toBe('/api/v3/get-factor?factorId=abc|phone&');
  });

  test('the exchange hook sees every request and response', async ({ server, client }) => {
    server.answer({ body: success([]) });
    const seen: string[] = [];
    await client
      .with({ onExchange: (e) => void seen.push(`${e.operation} ${e.request.method} ${e.response.status}`) })
      .listEnrolledFactors();
    expect(seen).toEqual(['listEnrolledFactors GET 200']);
  });
});

test.describe('errors', () => {
  test('a failure envelope rejects with a business error carrying its codes', async ({ server, client }) => {
    server.answer({ body: { statusCode: 400, apiCode: 6001, message: 'Totp 码错误', requestId: 'req-9' } });
    const error = await client.mfaOtpVerify({ totp: '000000' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenAuthApiError);
    expect(error).toMatchObject({ statusCode: 400, apiCode: 6001, requestId: 'req-9', httpStatus: 200 });
    expect((error as Error).message).toContain(
      'POST /api/v3/mfa-totp-verify answered statusCode 400 apiCode 6001',
    );
  });

  test('attempt resolves a failure envelope instead of rejecting', async ({ server, client }) => {
    server.answer({
      status: 429,
      body: { statusCode: 429, message: '您的请求已超过最大数量限制，请稍后重试' },
    });
    const result = await client.attempt('listEnrolledFactors', {});
    expect(result).toMatchObject({ ok: false, httpStatus: 429, envelope: { statusCode: 429 } });
  });

  test('statusCode sent as a string is contract drift naming $.statusCode', async ({ server, client }) => {
    server.answer({ body: { statusCode: '200', message: 'ok' } });
    const error = await client
      .enrollFactor({ factorType: 'OTP', enrollmentToken: 't', enrollmentData: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolationError);
    expect((error as ContractViolationError).issues.map((i) => i.path)).toContain('$.statusCode');
    expect((error as Error).message).toMatch(/contract drift.*POST \/api\/v3\/enroll-factor/);
  });

  test('a success without the enrollment token is contract drift naming its path', async ({
    server,
    client,
  }) => {
    server.answer({ body: success({ otpData: { qrCodeUri: 'otpauth://totp/a:b?secret=A' } }) });
    const error = (await client
      .sendEnrollFactorRequest({ factorType: 'OTP' })
      .catch((e) => e)) as ContractViolationError;
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        '$.data.enrollmentToken',
        '$.data.otpData.qrCodeDataUrl',
        '$.data.otpData.recoveryCode',
      ]),
    );
    expect(error.message).not.toContain('otpauth://');
  });

  test('a connection that is refused is a transport error saying the environment is unreachable', async ({
    server,
  }) => {
    const { url } = server;
    await server.close();
    const error = await new EnrollFactorClient({ baseUrl: url })
      .listEnrolledFactors()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ failure: 'connection' });
    expect((error as Error).message).toContain('cannot reach');
  });

  test('a server that does not answer in time is a transport timeout', async ({ server }) => {
    server.answer({ hang: true });
    const client = new EnrollFactorClient({
      baseUrl: server.url,
      transport: fetchTransport({ timeoutMs: 300 }),
    });
    const error = await client.listEnrolledFactors().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transport', failure: 'timeout' });
    expect((error as Error).message).toContain('within 300 ms');
  });

  test('an HTTP 5xx is a transport error, whatever its body', async ({ server, client }) => {
    server.answer({ status: 502, body: { statusCode: 502, message: 'Bad Gateway' } });
    const error = await client.listEnrolledFactors().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transport', failure: 'http-status', httpStatus: 502 });
  });

  test('a body that is not JSON is a transport error naming the content type', async ({ server, client }) => {
    server.answer({
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<html>maintenance</html>',
    });
    const error = await client.listEnrolledFactors().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transport', failure: 'non-json' });
    expect((error as Error).message).toContain('text/html');
  });
});

test.describe('the Playwright transport', () => {
  test('sends the same request and validates the same way', async ({ server, request }) => {
    const client = new EnrollFactorClient({
      baseUrl: server.url,
      accessToken: TOKEN,
      authScheme: 'bare',
      transport: playwrightTransport(request),
    });
    server.answer({ body: success(factor) });
    expect(await client.getFactor({ factorId: factor.factorId })).toEqual(factor);
    expect(server.requests[0]).toMatchObject({ method: 'GET', headers: { authorization: TOKEN } });

    server.answer({ body: { statusCode: 404, message: 'No bound factor has this factorId' } });
    await expect(client.getFactor({ factorId: 'nope' })).rejects.toBeInstanceOf(GenAuthApiError);
  });

  test('sends a malformed body verbatim, not re-encoded as a JSON string', async ({ server, request }) => {
    const client = new EnrollFactorClient({ baseUrl: server.url, transport: playwrightTransport(request) });
    server.answer({ body: { statusCode: 400, message: 'The request body is not valid JSON' } });
    await client.raw('enrollFactor', { rawBody: '{"factorType":' });
    expect(server.requests[0]?.body).toBe('{"factorType":');
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
  });

  test('maps a refused connection to a transport error', async ({ server, request }) => {
    const { url } = server;
    await server.close();
    const client = new EnrollFactorClient({ baseUrl: url, transport: playwrightTransport(request) });
    await expect(client.listEnrolledFactors()).rejects.toMatchObject({
      kind: 'transport',
      failure: 'connection',
    });
  });
});
