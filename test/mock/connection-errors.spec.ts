import { connect } from 'node:net';
import type { RunningMock } from '../../src/mock/server';
import { expect, test } from './fixtures';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Writes raw bytes to the mock and reads the whole answer: requests no HTTP client would send. */
function exchangeBytes(mock: RunningMock, bytes: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect(mock.port, '127.0.0.1', () => socket.end(bytes));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
      try {
        resolve({ status, body: JSON.parse(body) });
      } catch {
        reject(new Error(`not a JSON answer: ${JSON.stringify(answer.slice(0, 300))}`));
      }
    });
  });
}

test.describe('requests Node refuses before any route runs still get an envelope', () => {
  test('headers over 16 KB get HTTP 431 with statusCode, message and requestId', async ({ mock }) => {
    const answer = await exchangeBytes(
      mock,
      `GET /api/v3/list-enrolled-factors HTTP/1.1\r\nHost: 127.0.0.1\r\nx-padding: ${'a'.repeat(17_000)}\r\n\r\n`,
    );
    expect(answer.status).toBe(431);
    expect(answer.body).toEqual({
      statusCode: 431,
      message: 'The request headers are larger than 16 KB',
      requestId: expect.stringMatching(UUID),
    });
  });

  test('bytes that are not HTTP get HTTP 400 with an envelope', async ({ mock }) => {
    const answer = await exchangeBytes(mock, 'HELLO THERE\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ statusCode: 400, requestId: expect.stringMatching(UUID) });
  });

  test('a request without a Host header reaches the API and gets its catalog answer', async ({ mock }) => {
    const answer = await exchangeBytes(
      mock,
      'GET /api/v3/list-enrolled-factors HTTP/1.1\r\nConnection: close\r\n\r\n',
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 401, requestId: expect.stringMatching(UUID) });
  });
});
