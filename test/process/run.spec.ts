import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HarnessError } from '../../src/errors';
import { cloneHead } from '../../src/process/head-clone';
import { run, start, tsxArgs } from '../../src/process/run';
import { freePort, startServer } from '../../src/process/server';
import { Steps } from '../../src/process/steps';

let dir: string;
test.beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'process-')));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Whether a process with this id is alive: it exists and is not a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** A node script that starts a grandchild sleeping for a minute, prints its pid, and sleeps too. */
const PARENT_OF_SLEEPER = `
  const { spawn } = require('node:child_process');
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  console.log('grandchild ' + sleeper.pid);
  setTimeout(() => {}, 60000);
`;

test('a command runs in the given working directory, its output logged and captured', async () => {
  const logFile = join(dir, 'logs', 'cwd.log');
  const result = await run(process.execPath, ['-e', 'console.log(process.cwd())'], {
    cwd: dir,
    logFile,
    capture: true,
  });
  expect(result.exitCode).toBe(0);
  expect(readFileSync(logFile, 'utf8')).toBe(`${dir}\n`);
  expect(result.output).toBe(dir);
});

test('a command that cannot start answers 127 and says why', async () => {
  const result = await run(join(dir, 'no-such-command'), [], { capture: true });
  expect(result.exitCode).toBe(127);
  expect(result.output).toContain('cannot start');
});

test('secrets in the output are redacted before the caller and the log see them', async () => {
  const logFile = join(dir, 'secret.log');
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlc2lnbmF0dXJl';
  const result = await run(process.execPath, ['-e', `console.log('Authorization: Bearer ${jwt}')`], {
    logFile,
    capture: true,
  });
  expect(result.output).not.toContain(jwt);
  expect(readFileSync(logFile, 'utf8')).not.toContain(jwt);
});

test('aborting stops the command and every process it started', async () => {
  const abort = new AbortController();
  let grandchild: number | undefined;
  const running = run(process.execPath, ['-e', PARENT_OF_SLEEPER], {
    signal: abort.signal,
    onLine: (line) => {
      const pid = /^grandchild (\d+)$/.exec(line)?.[1];
      if (pid) {
        grandchild = Number(pid);
        abort.abort();
      }
    },
  });
  const result = await running;
  expect(result.exitCode, 'the command was stopped by a signal').toBeGreaterThan(128);
  expect(grandchild, 'the grandchild reported its pid').toBeDefined();
  await expect.poll(() => alive(grandchild ?? 0), { timeout: 5_000 }).toBe(false);
});

test('a command that outlives its timeout is stopped and says so', async () => {
  const result = await run(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { timeoutMs: 300 });
  expect(result.timedOut).toBe(true);
  expect(result.exitCode).toBeGreaterThan(128);
});

test('a server is ready once its URL answers, and stopping it frees its port', async () => {
  const port = await freePort();
  const script = `require('node:http').createServer((q, r) => r.end('ok')).listen(${port}, '127.0.0.1')`;
  const server = await startServer(process.execPath, ['-e', script], {
    name: 'a test server',
    ready: { url: `http://127.0.0.1:${port}/` },
  });
  expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
  await server.stop();
  await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
});

test('a server that exits before it is ready fails with its last lines', async () => {
  const starting = startServer(process.execPath, ['-e', 'console.error("port in use"); process.exit(3)'], {
    name: 'a broken server',
    ready: { line: /listening/ },
  });
  await expect(starting).rejects.toThrow(
    /a broken server exited with code 3 before it was ready:\nport in use/,
  );
});

test('a server not ready in time is stopped, with what it started', async () => {
  const starting = startServer(process.execPath, ['-e', PARENT_OF_SLEEPER], {
    name: 'a slow server',
    ready: { line: /never printed/ },
    readyTimeoutMs: 1_000,
    logFile: join(dir, 'slow.log'),
  });
  await expect(starting).rejects.toThrow(/a slow server was not ready within 1000 ms/);
  const grandchild = Number(/grandchild (\d+)/.exec(readFileSync(join(dir, 'slow.log'), 'utf8'))?.[1]);
  expect(grandchild, 'the grandchild reported its pid').toBeGreaterThan(0);
  await expect.poll(() => alive(grandchild), { timeout: 5_000 }).toBe(false);
});

test('steps are timed and summed up; a step that throws is that step failing, not the run', async () => {
  const steps = new Steps('demo');
  await steps.run('first', () => 'fine');
  await steps.run('second', () => {
    throw new HarnessError('the second step broke: fix it');
  });
  steps.skip('third', 'not on this shard');
  expect(steps.outcomes.map((outcome) => [outcome.name, outcome.status, outcome.detail])).toEqual([
    ['first', 'passed', 'fine'],
    ['second', 'failed', 'the second step broke: fix it'],
    ['third', 'skipped', 'not on this shard'],
  ]);
  expect(steps.passed).toBe(false);
  expect(steps.summary()).toMatch(/demo: 1 step\(s\) failed\n {2}ok {4}first/);
});

test('interrupted, a run stops what it started and ends at once, its exit handlers run', async () => {
  const script = join(dir, 'interrupted.mts');
  writeFileSync(
    script,
    [
      `import { run } from '${join(process.cwd(), 'src/process/run.ts')}';`,
      "process.on('exit', () => console.log('exit handler ran'));",
      `await run(process.execPath, ['-e', ${JSON.stringify(PARENT_OF_SLEEPER)}], { echo: true });`,
      "console.log('went on after the interruption');",
    ].join('\n'),
  );
  let grandchild = 0;
  const { child, result } = start(process.execPath, tsxArgs(script), {
    capture: true,
    onLine: (line) => {
      grandchild = Number(/^grandchild (\d+)$/.exec(line)?.[1] ?? grandchild);
      if (grandchild) child.kill('SIGINT');
    },
  });
  const { exitCode, output } = await result;
  expect(grandchild, 'the grandchild reported its pid').toBeGreaterThan(0);
  expect(exitCode, 'it ended as SIGINT ends a process').toBe(130);
  expect(output).toContain('exit handler ran');
  expect(output).not.toContain('went on after the interruption');
  await expect.poll(() => alive(grandchild), { timeout: 5_000 }).toBe(false);
});

test("a clone of HEAD holds what is committed, runs commands without the checkout's npm variables, and goes", async () => {
  const repo = join(dir, 'repo');
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', ...args], { cwd: repo });
  execFileSync('git', ['init', '--quiet', repo]);
  writeFileSync(join(repo, 'file.txt'), 'committed');
  git('add', 'file.txt');
  git('commit', '--quiet', '-m', 'one file');
  writeFileSync(join(repo, 'file.txt'), 'changed');
  const said: string[] = [];
  const clone = await cloneHead('process-clone-', (message) => said.push(message), repo);
  expect(readFileSync(join(clone.dir, 'file.txt'), 'utf8')).toBe('committed');
  expect(said.join()).toContain('uncommitted changes');
  const outerNpm = process.env.npm_config_local_prefix;
  process.env.npm_config_local_prefix = repo;
  const { output } = await run(
    process.execPath,
    ['-e', 'console.log(process.cwd(), process.env.REPORTS_DIR, process.env.npm_config_local_prefix)'],
    { ...clone.options(join(dir, 'reports')), capture: true },
  ).finally(() => {
    if (outerNpm === undefined) delete process.env.npm_config_local_prefix;
    else process.env.npm_config_local_prefix = outerNpm;
  });
  expect(output).toBe(`${clone.dir} ${join(dir, 'reports')} undefined`);
  clone.remove();
  expect(existsSync(clone.workspace)).toBe(false);
});

test('unredacted output reaches the caller as written, and only the caller', async () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlc2lnbmF0dXJl';
  const script = ['-e', `console.log('Authorization: Bearer ${jwt}')`];
  const result = await run(process.execPath, script, { capture: true, unredacted: true });
  expect(result.output).toContain(jwt);
  expect(() => run(process.execPath, script, { unredacted: true, echo: true })).toThrow(
    /unredacted output goes to the caller only/,
  );
  expect(() => run(process.execPath, script, { unredacted: true, logFile: join(dir, 'raw.log') })).toThrow(
    /unredacted output goes to the caller only/,
  );
});
