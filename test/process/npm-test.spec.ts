import { chmodSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { runScript } from '../nested-run';

let dir: string;
test.beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'npm-test-')));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * `npm test` (cli/test.ts) with an `npm` of its own first on PATH: it logs each script it is asked to run, says
 * so, and fails the scripts named in `failing`.
 */
async function npmTest(failing: readonly string[]) {
  const npm = join(dir, 'npm');
  writeFileSync(
    npm,
    `#!/bin/sh
echo "$*" >> "${join(dir, 'scripts.log')}"
case " ${failing.join(' ')} " in *" $2 "*) echo "$2: something is wrong"; exit 1;; esac
echo "$2 ran"
`,
  );
  chmodSync(npm, 0o755);
  const result = await runScript('cli/test.ts', [], {
    env: {
      PATH: `${dir}${delimiter}${process.env.PATH}`,
      REPORTS_DIR: join(dir, 'reports'),
      FORCE_COLOR: '0',
    },
  });
  const scripts = readFileSync(join(dir, 'scripts.log'), 'utf8').trim().split('\n');
  return { ...result, scripts };
}

test('npm test runs lint, TypeScript, the self-tests but the heavy ones and the rehearsal, then the gate', async () => {
  const { exitCode, output, scripts } = await npmTest([]);
  expect(exitCode, output).toBe(0);
  expect(scripts.slice(0, 4).sort()).toEqual([
    'run lint',
    'run rehearsal',
    'run selftest -- --grep-invert @heavy',
    'run typecheck',
  ]);
  expect(scripts[4]).toBe('run gate');
  expect(output).toContain('npm test: all steps passed');
});

test('a failed quiet step skips the gate, and its end follows the summary', async () => {
  const { exitCode, output, scripts } = await npmTest(['lint']);
  expect(exitCode).toBe(1);
  expect(scripts).not.toContain('run gate');
  const summary = output.indexOf('npm test: 1 step(s) failed');
  expect(summary, output).toBeGreaterThan(-1);
  expect(output).toMatch(/FAIL {2}lint .*exited 1; see .*npm-test\/lint\.log/);
  expect(output).toMatch(/skip {2}gate .*an earlier step failed/);
  const failure = output.indexOf('lint failed; the end of');
  expect(failure, 'the failed step is shown after the summary').toBeGreaterThan(summary);
  expect(output.slice(failure)).toContain('lint: something is wrong');
});
