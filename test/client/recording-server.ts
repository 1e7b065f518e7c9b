import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface ScriptedAnswer {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** A JSON value, or a string sent verbatim. */
  readonly body?: unknown;
  /** Never answer: the client must time out. */
  readonly hang?: boolean;
}

/** A tiny HTTP server that records every request and answers what the test scripted. */
export interface RecordingServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  answer(next: ScriptedAnswer): void;
  close(): Promise<void>;
}

const OK = { statusCode: 200, message: 'Operation successful', requestId: 'req-1' };

export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  let scripted: ScriptedAnswer = { body: OK };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    if (scripted.hang) return;
    const body = typeof scripted.body === 'string' ? scripted.body : JSON.stringify(scripted.body ?? OK);
    res.writeHead(scripted.status ?? 200, { 'content-type': 'application/json', ...scripted.headers });
    res.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer(next) {
      scripted = next;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
