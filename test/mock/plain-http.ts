import { Agent, request } from 'node:http';

export interface PlainAnswer {
  readonly status: number;
  readonly text: string;
}

/** One connection, kept open: the fuzz sends its requests one after another. */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/**
 * An HTTP/1.1 request through node:http, for the fuzz: a third of fetch's cost per request, and only the
 * headers given (fetch adds its own, a text/plain content type among them). The URL is parsed as fetch
 * parses it, so the query reaches the mock encoded the same way.
 */
export function plainRequest(
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string },
): Promise<PlainAnswer> {
  const target = new URL(url);
  const body = init.body === undefined ? undefined : Buffer.from(init.body);
  const headers: Record<string, string | number> = { ...init.headers };
  if (body) headers['content-length'] = body.length;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: init.method,
        headers,
        agent,
        timeout: 10_000,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer from ${url} within 10 s`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
