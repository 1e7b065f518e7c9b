import { fileURLToPath } from 'node:url';
import { HarnessError } from '../../src/errors';
import { tsxArgs } from '../../src/process/run';
import { freePort, startServer } from '../../src/process/server';

export interface MockProcess {
  readonly url: string;
  memory(): Promise<{ rssBytes: number; heapUsedBytes: number }>;
  stop(): Promise<void>;
}

/** Starts the mock in a child process (see mock-process.ts) with the given `startMock` options. */
export async function startMockProcess(options: Record<string, unknown> = {}): Promise<MockProcess> {
  const ready = /^(http:\S+) memory (http:\S+)$/;
  const server = await startServer(
    process.execPath,
    ['--expose-gc', ...tsxArgs(new URL('./mock-process.ts', import.meta.url).pathname)],
    { name: 'the bench mock', env: { BENCH_MOCK_OPTIONS: JSON.stringify(options) }, ready: { line: ready } },
  );
  const [, url = '', memoryUrl = ''] = ready.exec(server.readyWith) ?? [];
  return {
    url,
    memory: async () => {
      const answer = await fetch(memoryUrl);
      if (!answer.ok) throw new HarnessError(`bench: the mock's memory figures answered ${answer.status}`);
      return (await answer.json()) as { rssBytes: number; heapUsedBytes: number };
    },
    stop: () => server.stop(),
  };
}

/** `pact-stub-server` (from @pact-foundation/pact-cli) serving the given pact file. */
export async function startPactStub(pactFile: string): Promise<{ url: string; stop(): Promise<void> }> {
  const url = `http://127.0.0.1:${await freePort()}`;
  // A node wrapper around the native binary: stopping the server stops both.
  const wrapper = fileURLToPath(import.meta.resolve('@pact-foundation/pact-cli/bin/pact-stub-server.js'));
  const server = await startServer(
    process.execPath,
    [wrapper, '-f', pactFile, '-p', new URL(url).port, '-l', 'error'],
    { name: 'pact-stub-server', ready: { url: `${url}/` } },
  );
  return { url, stop: () => server.stop() };
}
