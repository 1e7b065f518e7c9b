import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { HarnessError, prefixed } from '../errors';
import { redactText } from '../redaction/redact';

/**
 * The one way the harness runs a child process: the gate's Playwright run, the Allure CLI, a nested run in a
 * self-test, `npm ci` in a clone. Every child gets a process group of its own, so stopping it (an abort, a
 * timeout, or this process being interrupted) stops everything it started too; output is redacted line by
 * line before it reaches the terminal, a log file or the caller.
 */

export interface RunOptions {
  /** Variables set over the inherited ones. */
  readonly env?: NodeJS.ProcessEnv;
  /** Which inherited variables the child keeps. Default: all of them. */
  readonly inherit?: (name: string) => boolean;
  readonly cwd?: string;
  /** Also write the output (redacted, without colours) to this file. */
  readonly logFile?: string;
  /** Also stream the output (redacted) to this process's stdout and stderr. Default false. */
  readonly echo?: boolean;
  /** Keep the whole output in the result, not only its tail. Default false. */
  readonly capture?: boolean;
  /** Give the child an input the caller writes to (`child.stdin`); by default it has none. */
  readonly input?: boolean;
  /** Aborting it stops the child and everything it started. */
  readonly signal?: AbortSignal;
  /** Stops the child and everything it started after this many milliseconds. */
  readonly timeoutMs?: number;
  /** Called with every line of output (redacted) and the stream it came on, e.g. to wait for a server's "listening" line. */
  readonly onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /**
   * Leave the output as the child wrote it. Only for a self-test of the child's own redaction, which
   * redacting here would hide. It goes to the caller only: not with `echo` or `logFile`.
   */
  readonly unredacted?: boolean;
}

export interface RunResult {
  /** The exit code; 128 + n when a signal ended it, 127 when it could not start. */
  readonly exitCode: number;
  /** The last lines of the output, for failure messages. */
  readonly tail: string;
  /** The whole output, stdout and stderr in the order they arrived (with `capture`). */
  readonly output: string;
  /** True when `timeoutMs` ran out and the child was stopped. */
  readonly timedOut: boolean;
}

const TAIL_LINES = 40;
/** How long a stopped child has to exit after SIGTERM before its group gets SIGKILL. */
const STOP_GRACE_MS = 3_000;

const SIGNAL_NUMBERS: Readonly<Record<string, number>> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** The children running now, stopped with this process when it is interrupted. */
const running = new Set<ChildProcess>();
let relaying = false;
/** The signal that interrupted this process, once one has. */
let interruptedBy: NodeJS.Signals | undefined;

/** Sends `signal` to the child's whole process group; a group already gone is fine. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group has exited.
  }
}

/**
 * A child in a group of its own no longer gets the terminal's Ctrl-C, so this process passes SIGINT and
 * SIGTERM on to every running child's group, then ends as the signal would have ended it once they have
 * exited (their group gets SIGKILL after a grace): the run goes no further, and its `exit` handlers (a
 * temporary clone removed) run.
 */
function relaySignals(): void {
  if (relaying) return;
  relaying = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      interruptedBy ??= signal;
      for (const child of running) signalGroup(child, signal);
      setTimeout(() => {
        for (const child of running) signalGroup(child, 'SIGKILL');
        exitInterrupted();
      }, STOP_GRACE_MS).unref();
      if (running.size === 0) exitInterrupted();
    });
  }
}

function exitInterrupted(): void {
  if (interruptedBy) process.exit(128 + (SIGNAL_NUMBERS[interruptedBy] ?? 1));
}

/** Stops a child and everything it started: SIGTERM to its group, SIGKILL to what is left after a grace. */
export function stopTree(child: ChildProcess, graceMs = STOP_GRACE_MS): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    signalGroup(child, 'SIGKILL');
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
    child.once('close', () => {
      clearTimeout(timer);
      // Grandchildren that outlived their parent go too.
      signalGroup(child, 'SIGKILL');
      resolve();
    });
    signalGroup(child, 'SIGTERM');
  });
}

function childEnv(options: RunOptions): NodeJS.ProcessEnv {
  const inherited = options.inherit
    ? Object.fromEntries(Object.entries(process.env).filter(([name]) => options.inherit?.(name)))
    : process.env;
  // Colours only where a person watches the output as it comes.
  const colour = options.echo && process.stdout.isTTY ? '1' : '0';
  return { ...inherited, FORCE_COLOR: colour, ...options.env };
}

/** The spawned child and its result; `start` is for servers, `run` for commands that end. */
export function start(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): { child: ChildProcess; result: Promise<RunResult> } {
  if (options.unredacted && (options.echo || options.logFile)) {
    throw new HarnessError('unredacted output goes to the caller only, not to the terminal or a log file');
  }
  relaySignals();
  let log: WriteStream | undefined;
  if (options.logFile) {
    mkdirSync(dirname(options.logFile), { recursive: true });
    log = createWriteStream(options.logFile);
  }
  const tail: string[] = [];
  const output: string[] = [];
  const emit = (line: string, out: NodeJS.WriteStream) => {
    const redacted = options.unredacted ? line : redactText(line);
    if (options.echo) out.write(`${redacted}\n`);
    const plain = stripVTControlCharacters(redacted);
    log?.write(`${plain}\n`);
    if (options.capture) output.push(plain);
    tail.push(plain);
    if (tail.length > TAIL_LINES) tail.shift();
    options.onLine?.(plain, out === process.stderr ? 'stderr' : 'stdout');
  };
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: childEnv(options),
    stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  const pipe = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) emit(line, out);
    });
    stream?.on('end', () => {
      if (pending) emit(pending, out);
      pending = '';
    });
  };
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);

  let timedOut = false;
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          void stopTree(child);
        }, options.timeoutMs);
  const onAbort = () => void stopTree(child);
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  const result = new Promise<RunResult>((resolve) => {
    let startError: Error | undefined;
    child.on('error', (error) => {
      startError = error;
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (startError) emit(prefixed(`cannot start ${command}: ${startError.message}`), process.stderr);
      const exitCode = startError ? 127 : (code ?? 128 + (SIGNAL_NUMBERS[signal ?? ''] ?? 1));
      const done = () => {
        resolve({ exitCode, tail: tail.join('\n'), output: output.join('\n'), timedOut });
        if (running.size === 0) exitInterrupted();
      };
      if (log) log.end(done);
      else done();
    });
  });
  return { child, result };
}

/** Runs a command to its end and resolves with its exit code and output; never rejects. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return start(command, args, options).result;
}

/** The Node.js running this process, with tsx loaded: how the harness runs its own TypeScript entry points. */
export function tsxArgs(script: string, ...args: string[]): string[] {
  return ['--import', 'tsx', script, ...args];
}

/** Playwright's command line, run by this Node.js. */
export const PLAYWRIGHT_CLI = 'node_modules/@playwright/test/cli.js';
