import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { HarnessError } from '../errors';
import { type RunOptions, type RunResult, start, stopTree } from './run';

/** A port no one listens on now, on `host`, as the system hands it out. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServerOptions extends Omit<RunOptions, 'signal' | 'timeoutMs' | 'onLine'> {
  /** What the server's readiness looks like: an answer at a URL, or a line of its output. */
  readonly ready: { readonly url: string } | { readonly line: RegExp };
  /** How long it may take to get ready. Default 20 s. */
  readonly readyTimeoutMs?: number;
  /** What the server is, for messages. */
  readonly name: string;
}

export interface RunningServer {
  /** The process started, e.g. to signal it alone. */
  readonly pid: number;
  /** The line that said it was ready (with `ready.line`), else the URL it answered at. */
  readonly readyWith: string;
  /** Stops the server and everything it started; resolves once they have exited. */
  stop(): Promise<void>;
  /** The result once it has exited, stopped or not. */
  readonly exited: Promise<RunResult>;
}

/**
 * Starts a server as a child process and waits until it is ready. A server that exits or is not ready in
 * time is stopped, with everything it started, and the error says which it was and shows its last lines.
 */
export async function startServer(
  command: string,
  args: readonly string[],
  options: ServerOptions,
): Promise<RunningServer> {
  const { ready, readyTimeoutMs = 20_000, name } = options;
  let readyLine: string | undefined;
  const { child, result } = start(command, args, {
    ...options,
    onLine: (line) => {
      if ('line' in ready && readyLine === undefined && ready.line.test(line)) readyLine = line;
    },
  });
  let exited = false;
  void result.then(() => {
    exited = true;
  });
  const deadline = performance.now() + readyTimeoutMs;
  for (;;) {
    if (exited) {
      const { exitCode, tail } = await result;
      throw new HarnessError(`${name} exited with code ${exitCode} before it was ready:\n${tail}`);
    }
    if ('line' in ready && readyLine !== undefined) break;
    if ('url' in ready) {
      const answered = await fetch(ready.url, { signal: AbortSignal.timeout(1_000) }).then(
        () => true,
        () => false,
      );
      if (answered) break;
    }
    if (performance.now() > deadline) {
      await stopTree(child);
      const { tail } = await result;
      throw new HarnessError(`${name} was not ready within ${readyTimeoutMs} ms; its last lines:\n${tail}`);
    }
    await sleep(50);
  }
  return {
    pid: child.pid ?? 0,
    readyWith: readyLine ?? ('url' in ready ? ready.url : ''),
    stop: () => stopTree(child),
    exited: result,
  };
}
