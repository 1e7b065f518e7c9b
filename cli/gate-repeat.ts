/**
 * `npm run gate:repeat [-- --runs=N]`: is the gate flaky? Clones HEAD into a temporary folder, runs `npm ci`
 * there as a fresh machine would, then `npm run gate` N times (default 50) one after another and prints how
 * many passed. Every run is counted, a failed one too; the output, steps and JUnit XML of each failed run are
 * kept under reports/gate-repeat/run-<k>/. Exits 0 only when every run passed, 2 on bad input; interrupted,
 * it stops the run in progress and removes the clone.
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError, prefixed } from '../src/errors';
import { cloneHead, type HeadClone } from '../src/process/head-clone';
import { run } from '../src/process/run';
import { Steps } from '../src/process/steps';
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
  const outDir = join(reportPaths().root, 'gate-repeat');
  const previousRunRemoved = clearOutputs([outDir]);
  mkdirSync(outDir, { recursive: true });
  const steps = new Steps('gate:repeat', { announce: process.stdout });
  let clone: HeadClone | undefined;
  const npm = async (clone: HeadClone, args: readonly string[], logFile: string) =>
    (await run('npm', args, { ...clone.options(join(clone.dir, 'reports')), logFile })).exitCode;

  const setup = await steps.run('clone HEAD and npm ci', async () => {
    clone = await cloneHead('enroll-factor-gate-repeat-', log);
    const exitCode = await npm(clone, ['ci', '--no-audit', '--no-fund'], join(outDir, 'npm-ci.log'));
    if (exitCode !== 0) throw new HarnessError(`npm ci exited ${exitCode}; see ${outDir}/npm-ci.log`);
    return `HEAD ${clone.head.slice(0, 12)} in ${clone.dir}`;
  });
  const gateLog = join(outDir, 'last-gate.log');
  for (let k = 1; setup.status === 'passed' && clone && k <= runs; k += 1) {
    const ran = clone;
    await steps.run(`gate run ${k}/${runs}`, async () => {
      const exitCode = await npm(ran, ['run', 'gate'], gateLog);
      if (exitCode === 0) return undefined;
      keepFailedRun(ran.dir, join(outDir, `run-${k}`), gateLog);
      return { status: 'failed', detail: `exit ${exitCode}; kept in ${join(outDir, `run-${k}`)}` };
    });
  }
  clone?.remove();
  await previousRunRemoved;

  const gates = steps.outcomes.filter((outcome) => outcome.name.startsWith('gate run'));
  const results = gates.map((outcome, index) => ({
    run: index + 1,
    passed: outcome.status === 'passed',
    seconds: outcome.durationMs / 1000,
  }));
  const passed = results.filter((result) => result.passed).length;
  const seconds = results.map((result) => result.seconds);
  writeFileSync(
    join(outDir, 'summary.json'),
    `${JSON.stringify({ head: clone?.head, runs, passed, results }, null, 2)}\n`,
  );
  process.stdout.write(steps.summary());
  if (gates.length > 0) {
    log(
      `${passed} of ${gates.length} consecutive gate runs passed on a fresh clone of ${clone?.head.slice(0, 12)} ` +
        `(${Math.min(...seconds).toFixed(1)} to ${Math.max(...seconds).toFixed(1)} s each)`,
    );
  }
  return steps.passed && passed === runs ? 0 : 1;
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
