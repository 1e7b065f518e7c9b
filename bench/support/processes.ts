import { type ChildProcess, fork, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { HarnessError } from '../../src/errors';

export interface MockProcess {
  readonly url: string;
  memory(): Promise<{ rssBytes: number; heapUsedBytes: number }>;
  stop(): Promise<void>;
}

/** Starts the mock in a child process (see mock-process.ts) with the given `startMock` options. */
export async function startMockProcess(options: Record<string, unknown> = {}): Promise<MockProcess> {
  const child = fork(new URL('./mock-process.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, BENCH_MOCK_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const url = await firstLine(child);
  return {
    url,
    memory: () =>
      new Promise((resolve) => {
        const onMessage = (message: { type: string; rssBytes: number; heapUsedBytes: number }) => {
          if (message.type !== 'memory') return;
          child.off('message', onMessage);
          resolve(message);
        };
        child.on('message', onMessage);
        child.send({ type: 'memory' });
      }),
    stop: () => stopChild(child, () => child.disconnect()),
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const newline = buffered.indexOf('\n');
      if (newline >= 0) resolve(buffered.slice(0, newline).trim());
    });
    child.once('exit', (code) => reject(new HarnessError(`bench: child exited with ${code}`)));
  });
}

async function stopChild(child: ChildProcess, ask: () => void): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  ask();
  const timeout = sleep(5_000).then(() => child.kill('SIGKILL'));
  await Promise.race([exited, timeout]);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** `pact-stub-server` (from @pact-foundation/pact-cli) serving the given pact file. */
export async function startPactStub(pactFile: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  // Its own process group: the npm bin is a wrapper around the native binary, and both must stop.
  const child = spawn(
    'node_modules/.bin/pact-stub-server',
    ['-f', pactFile, '-p', String(port), '-l', 'error'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  );
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) throw new HarnessError(`bench: pact-stub-server exited (${child.exitCode})`);
    try {
      await fetch(`${url}/`);
      return {
        url,
        stop: () => stopChild(child, () => killGroup('SIGTERM')).then(() => killGroup('SIGKILL')),
      };
    } catch {
      await sleep(100);
    }
  }
  killGroup('SIGKILL');
  throw new HarnessError('bench: pact-stub-server did not start within 10 s');
}
