import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { freePort, type RunningServer, startServer } from '../../src/process/server';

/** The live processes of a process group: pid, parent pid and command line. */
function processGroup(pgid: number): { pid: number; ppid: number; command: string }[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        // After the command name in parentheses: state, ppid, pgrp.
        const [state, ppid, pgrp] = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ');
        if (Number(pgrp) !== pgid || state === 'Z') return [];
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
        return [{ pid: Number(pid), ppid: Number(ppid), command }];
      } catch {
        return []; // gone meanwhile
      }
    });
}

const listening = (port: number) =>
  fetch(`http://127.0.0.1:${port}/__mock/health`).then(
    () => true,
    () => false,
  );

test.describe('npm run mock', () => {
  test.skip(process.platform !== 'linux', 'reads the process table from /proc');
  test.setTimeout(60_000);

  let port: number;
  let npm: RunningServer;
  test.beforeEach(async () => {
    port = await freePort();
    npm = await startServer('npm', ['run', 'mock', '--', '--port', String(port)], {
      name: 'npm run mock',
      env: { MOCK_LOG_LEVEL: 'silent' },
      ready: { url: `http://127.0.0.1:${port}/__mock/health` },
    });
  });
  test.afterEach(() => npm.stop());

  /** Nothing listens on the port within 2 s, no process of the run is left, and npm exited 0. */
  async function expectStopped() {
    await expect.poll(() => listening(port), { timeout: 2_000 }).toBe(false);
    await expect.poll(() => processGroup(npm.pid), { timeout: 2_000 }).toEqual([]);
    expect((await npm.exited).exitCode).toBe(0);
  }

  test('is one node process under npm', () => {
    const started = processGroup(npm.pid).filter((process) => process.ppid === npm.pid);
    expect(started).toHaveLength(1);
    expect(started[0]?.command).toMatch(/^node .*cli\/mock\.ts --port \d+$/);
    expect(
      processGroup(npm.pid)
        .map((process) => process.pid)
        .sort(),
    ).toEqual([npm.pid, started[0]?.pid].sort());
  });

  test('stops on SIGTERM to npm: its port closed, no process left', async () => {
    process.kill(npm.pid, 'SIGTERM');
    await expectStopped();
  });

  test('stops on SIGINT to the process npm started: its port closed, no process left', async () => {
    const [mock] = processGroup(npm.pid).filter((process) => process.ppid === npm.pid);
    expect(mock?.pid, 'npm started a process').toBeGreaterThan(0);
    process.kill(mock!.pid, 'SIGINT');
    await expectStopped();
  });
});
