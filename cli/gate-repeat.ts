/**
 * `npm run gate:repeat [-- --runs=N]`: is the gate flaky? Clones HEAD into a temporary folder, runs `npm ci`
 * there as a fresh machine would, then `npm run gate` N times (default 50) one after another and prints how
 * many passed. Every run is counted, a failed one too; the output, steps and JUnit XML of each failed run are
 * kept under reports/gate-repeat/run-<k>/. Exits 0 only when every run passed, 2 on bad input.
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloneEnv } from '../src/compat/child-env';
import { loggedRun } from '../src/compat/commands';
import { cloneCommit, headOfCheckout, removeWorkspace, temporaryWorkspace } from '../src/compat/workspace';
import { HarnessError, prefixed } from '../src/errors';
import { run as runCommand } from '../src/process/run';
import { clearOutputs } from '../src/report/clear-outputs';
import { reportPaths } from '../src/report/paths';
import { runMain } from './main';

const USAGE = 'npm run gate:repeat [-- --runs=N]';
const log = (message: string) => process.stdout.write(`${prefixed(`gate:repeat: ${message}`)}\n`);

function runsFrom(argv: readonly string[]): number {
  let runs = 50;
  for (const argument of argv) {
    const match = /^--runs=(\d+)$/.exec(argument);
    if (!match) throw new HarnessError(`unknown option "${argument}". Usage: ${USAGE}`);
    runs = Number(match[1]);
    if (runs < 1) throw new HarnessError(`--runs=${match[1]} runs nothing: give at least 1. Usage: ${USAGE}`);
  }
  return runs;
}

runMain(async () => {
  const runs = runsFrom(process.argv.slice(2));
  const { checkout, head } = headOfCheckout('gate:repeat', log);
  const outDir = join(reportPaths().root, 'gate-repeat');
  const previousRunRemoved = clearOutputs([outDir]);
  mkdirSync(outDir, { recursive: true });

  const { workspace, clone } = temporaryWorkspace('enroll-factor-gate-repeat-');
  const env = cloneEnv(process.env, { reportsDir: join(clone, 'reports') });
  const setup = loggedRun(env, outDir);
  const results: { run: number; passed: boolean; seconds: number }[] = [];
  try {
    log(`cloning HEAD ${head.slice(0, 12)} into ${clone} and running npm ci`);
    await cloneCommit(checkout, head, clone, setup);
    await setup('npm', ['ci', '--no-audit', '--no-fund'], { cwd: clone, log: 'npm-ci' });
    for (let run = 1; run <= runs; run += 1) {
      const started = performance.now();
      const { exitCode } = await runCommand('npm', ['run', 'gate'], {
        env,
        cwd: clone,
        logFile: join(outDir, 'last-gate.log'),
      });
      const seconds = (performance.now() - started) / 1000;
      const passed = exitCode === 0;
      results.push({ run, passed, seconds });
      const failed = results.filter((result) => !result.passed).length;
      log(
        `run ${run}/${runs} ${passed ? 'passed' : `FAILED (exit ${exitCode})`} in ${seconds.toFixed(1)} s; ${failed} failed so far`,
      );
      if (!passed) keepFailedRun(clone, join(outDir, `run-${run}`), join(outDir, 'last-gate.log'));
    }
  } finally {
    removeWorkspace(workspace);
    await previousRunRemoved;
  }
  const passed = results.filter((result) => result.passed).length;
  const seconds = results.map((result) => result.seconds);
  const summary =
    `${passed} of ${results.length} consecutive gate runs passed on a fresh clone of ${head.slice(0, 12)} ` +
    `(${(Math.min(...seconds)).toFixed(1)} to ${Math.max(...seconds).toFixed(1)} s each)`;
  writeFileSync(
    join(outDir, 'summary.json'),
    `${JSON.stringify({ head, runs, passed, results }, null, 2)}\n`,
  );
  log(summary);
  return passed === results.length && results.length === runs ? 0 : 1;
});

/** What a failed run leaves to read: its output, its steps, its JUnit XML and its logs. */
function keepFailedRun(clone: string, into: string, output: string): void {
  mkdirSync(into, { recursive: true });
  cpSync(output, join(into, 'gate.log'));
  for (const part of ['gate-steps.json', 'junit', 'logs']) {
    const from = join(clone, 'reports', part);
    if (existsSync(from)) cpSync(from, join(into, part), { recursive: true });
  }
}
