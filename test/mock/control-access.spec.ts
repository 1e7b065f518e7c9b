import { request as httpRequest } from 'node:http';
import type { RunningMock } from '../../src/mock/server';
import { ControlClient } from './control-client';
import { expect, test, withMock } from './fixtures';

interface Sent {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** An HTTP request with any Host header: what a browser sends after DNS rebinding, which fetch cannot forge. */
function send(
  mock: RunningMock,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port: mock.port,
        method: options.method,
        path: options.path,
        headers: options.headers,
        // Only the Host a test gives: none at all when it gives none (an HTTP/1.0 caller).
        setHost: false,
      },
      (incoming) => {
        let body = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk) => {
          body += chunk;
        });
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const own = (mock: RunningMock) => `127.0.0.1:${mock.port}`;

/** What a web page can send without a preflight: the three CORS-safelisted content types, or none. */
const SIMPLE_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
];

const STATE_CHANGES = [
  { method: 'POST', path: '/__mock/reset', body: '{}' },
  { method: 'POST', path: '/__mock/users', body: '{"email":"csrf@example.test"}' },
  { method: 'POST', path: '/__mock/sweep', body: '{}' },
  { method: 'PUT', path: '/__mock/defects', body: '{"defects":["bind-nothing"]}' },
] as const;

test.describe('no web page can reach the control plane', () => {
  test('state-changing control requests without a JSON content type are refused and change nothing', async () => {
    await withMock({}, async ({ mock, control, newUser }) => {
      const user = await newUser();
      const before = { stats: await control.stats(), defects: await control.defects() };
      for (const change of STATE_CHANGES) {
        for (const contentType of [...SIMPLE_CONTENT_TYPES, undefined]) {
          const answer = await send(mock, {
            ...change,
            headers: {
              host: own(mock),
              origin: 'https://attacker.example',
              ...(contentType ? { 'content-type': contentType } : {}),
            },
          });
          expect(answer.status, `${change.method} ${change.path} as ${contentType}`).toBe(415);
          expect(answer.body).toContain('Content-Type: application/json');
        }
      }
      const clock = await send(mock, {
        method: 'POST',
        path: '/__mock/clock',
        headers: { host: own(mock), 'content-type': 'text/plain' },
        body: JSON.stringify({ userId: user.userId, advanceMs: 3_600_000 }),
      });
      expect(clock.status).toBe(415);
      expect({ stats: await control.stats(), defects: await control.defects() }).toEqual(before);
      expect(await control.now(user.userId)).toBeLessThan(Date.now() + 60_000);
    });
  });

  test('a Host other than the address the mock listens on is refused, with or without a token', async () => {
    for (const controlToken of [undefined, 'tok-1']) {
      await withMock({ controlToken }, async ({ mock }) => {
        const control = new ControlClient(mock.url, controlToken);
        const headers: Record<string, string> = controlToken ? { 'x-mock-control-token': controlToken } : {};
        const user = await control.createUser({ email: 'rebinding@example.test' });
        for (const host of [
          `rebind.attacker.example:${mock.port}`,
          `127.0.0.1:${mock.port + 1}`,
          'localhost',
          undefined,
        ]) {
          const outbox = await send(mock, {
            method: 'GET',
            path: '/__mock/outbox',
            headers: host === undefined ? headers : { ...headers, host },
          });
          expect(outbox.status, `Host "${host}"`).toBe(403);
          expect(outbox.body).toContain('MOCK_CONTROL_HOSTS');
          expect(outbox.body).not.toContain(user.userId);
        }
        const reset = await send(mock, {
          method: 'POST',
          path: '/__mock/reset',
          headers: {
            ...headers,
            host: `rebind.attacker.example:${mock.port}`,
            'content-type': 'application/json',
          },
          body: '{}',
        });
        expect(reset.status).toBe(403);
        expect((await control.stats()).users).toBe(1);
      });
    }
  });

  test('on loopback, the loopback names with the mock port are accepted', async () => {
    await withMock({}, async ({ mock }) => {
      for (const host of [
        `127.0.0.1:${mock.port}`,
        `localhost:${mock.port}`,
        `LOCALHOST:${mock.port}`,
        `[::1]:${mock.port}`,
      ]) {
        const health = await send(mock, { method: 'GET', path: '/__mock/health', headers: { host } });
        expect(health.status, `Host "${host}"`).toBe(200);
      }
    });
  });

  test('names given in controlHosts are accepted, on any port or on the one given', async () => {
    await withMock({ controlHosts: ['genauth-mock', 'proxy.test:8443'] }, async ({ mock }) => {
      const status = async (host: string) =>
        (await send(mock, { method: 'GET', path: '/__mock/health', headers: { host } })).status;
      expect(await status('genauth-mock:4010')).toBe(200);
      expect(await status('genauth-mock')).toBe(200);
      expect(await status('proxy.test:8443')).toBe(200);
      expect(await status('proxy.test:443')).toBe(403);
      expect(await status(`other.test:${mock.port}`)).toBe(403);
    });
  });

  test('a browser preflight gets no CORS permission, so a page cannot send JSON cross-site', async () => {
    await withMock({}, async ({ mock }) => {
      const preflight = await send(mock, {
        method: 'OPTIONS',
        path: '/__mock/reset',
        headers: {
          host: own(mock),
          origin: 'https://attacker.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.status).toBeGreaterThanOrEqual(400);
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  test('the public API still answers any Host: only the control plane is guarded', async () => {
    await withMock({}, async ({ mock }) => {
      const answer = await send(mock, {
        method: 'GET',
        path: '/api/v3/list-factors-to-enroll',
        headers: { host: 'api.genauth.example' },
      });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ statusCode: 401 });
    });
  });

  test('bad controlHosts values are refused at start-up', async () => {
    await expect(withMock({ controlHosts: ['http://x.test/'] }, async () => undefined)).rejects.toThrow(
      /controlHosts\.0: must be a host name/,
    );
  });
});
