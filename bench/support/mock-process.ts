import { startMock } from '../../src/mock/server';

/**
 * The mock in a process of its own, so a load generator never shares its event loop. Prints its URL on
 * stdout; answers `{ type: 'memory' }` IPC messages with its resident set size after a full GC.
 */
const options = JSON.parse(process.env.BENCH_MOCK_OPTIONS ?? '{}');
const mock = await startMock({ port: 0, validateResponses: false, rateLimitPerSecond: 0, ...options });
process.stdout.write(`${mock.url}\n`);

process.on('message', (message: { type: string }) => {
  if (message.type !== 'memory') return;
  globalThis.gc?.();
  process.send?.({
    type: 'memory',
    rssBytes: process.memoryUsage().rss,
    heapUsedBytes: process.memoryUsage().heapUsed,
  });
});
process.on('disconnect', () => {
  void mock.close().then(() => process.exit(0));
});
