import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMock } from '../../src/mock/server';

/**
 * The mock in a process of its own, so a load generator never shares its event loop. Its memory figures are
 * served beside it: `GET` on the second URL it prints answers its resident set and heap after a full GC
 * (node runs it with --expose-gc). Prints `<mock url> memory <figures url>` once both listen.
 */
const options = JSON.parse(process.env.BENCH_MOCK_OPTIONS ?? '{}');
const mock = await startMock({ port: 0, validateResponses: false, rateLimitPerSecond: 0, ...options });
const figures = createServer((_request, response) => {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ rssBytes: rss, heapUsedBytes: heapUsed }));
});
figures.listen(0, '127.0.0.1', () => {
  const { port } = figures.address() as AddressInfo;
  process.stdout.write(`${mock.url} memory http://127.0.0.1:${port}/\n`);
});
