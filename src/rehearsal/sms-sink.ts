import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SmsSink {
  /** Base URL: POST anything to `<url>/sms`, read it back from `GET <url>/messages?to=`. */
  readonly url: string;
  close(): Promise<void>;
}

const MAX_MESSAGES = 10_000;
const MAX_BODY_BYTES = 64 * 1024;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function matches(message: Record<string, unknown>, to: string): boolean {
  return ['to', 'phoneNumber', 'phone', 'mobile'].some((field) => message[field] === to);
}

/**
 * A tiny HTTP JSON inbox standing in for a tenant's custom SMS provider: it stores every JSON message
 * POSTed to it, stamped with `receivedAt`, and lists them newest first, optionally filtered by recipient.
 */
export async function startSmsSink({ port = 0, host = '127.0.0.1' } = {}): Promise<SmsSink> {
  const messages: Record<string, unknown>[] = [];
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://sink');
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    try {
      if (request.method === 'POST') {
        const body = JSON.parse(await readBody(request)) as unknown;
        if (body === null || typeof body !== 'object' || Array.isArray(body)) {
          send(400, { error: 'expected a JSON object' });
          return;
        }
        messages.unshift({ ...(body as Record<string, unknown>), receivedAt: new Date().toISOString() });
        messages.length = Math.min(messages.length, MAX_MESSAGES);
        send(202, { accepted: true });
        return;
      }
      if (request.method === 'GET' && url.pathname === '/messages') {
        const to = url.searchParams.get('to');
        send(200, to ? messages.filter((message) => matches(message, to)) : messages);
        return;
      }
      if (request.method === 'DELETE' && url.pathname === '/messages') {
        messages.length = 0;
        send(200, { cleared: true });
        return;
      }
      send(404, { error: 'POST a JSON message anywhere; GET or DELETE /messages' });
    } catch (error) {
      send(400, { error: (error as Error).message });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
