import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { runCommand } from '../../src/report/pipeline';

let dir: string;
test.beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'run-command-')));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a command runs in the given working directory, its output logged', async () => {
  const logFile = join(dir, 'logs', 'cwd.log');
  const result = await runCommand(process.execPath, ['-e', 'console.log(process.cwd())'], {
    cwd: dir,
    logFile,
  });
  expect(result.exitCode).toBe(0);
  expect(readFileSync(logFile, 'utf8')).toBe(`${dir}\n`);
});

test('aborting the signal stops the command, and the result comes once it has exited', async () => {
  const abort = new AbortController();
  const started = performance.now();
  const running = runCommand(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], {
    logFile: join(dir, 'abort.log'),
    signal: abort.signal,
  });
  setTimeout(() => abort.abort(), 200);
  const result = await running;
  expect(result.exitCode).not.toBe(0);
  expect(performance.now() - started).toBeLessThan(10_000);
});
