/**
 * `npm test`: what a change must pass, in about three minutes on two cores.
 *
 *   1. side by side: lint, TypeScript, the self-tests but the heavy ones (test/heavy.ts), and the rehearsal
 *      (fast profile: the suites through the real-environment path, and the fidelity check)
 *   2. the gate on the embedded mock
 *
 * Side by side only what shares no files: lint and TypeScript read the sources, the self-tests write under
 * reports/, the rehearsal under reports/rehearsal/ (and its waits leave cores to the rest); the gate sets the
 * self-tests' results aside for its own, so it comes last. The self-tests and the gate show their progress as
 * they go; lint, TypeScript and the rehearsal write to reports/npm-test/<script>.log, whose end follows the
 * summary when they fail. A failed first round skips the gate. `.ci/run` runs the heavy self-tests after this
 * (`npm run selftest:heavy`), so every self-test runs there.
 */
import { join, relative } from 'node:path';
import { HarnessError } from '../src/errors';
import { run } from '../src/process/run';
import { Steps } from '../src/process/steps';
import { reportPaths } from '../src/report/paths';
import { runMain } from './main';

interface Script {
  readonly step: string;
  readonly args: readonly string[];
  /** Its output shown as it comes; otherwise kept in its log and shown when it fails. */
  readonly live?: boolean;
}

const ROUNDS: readonly (readonly Script[])[] = [
  [
    { step: 'lint', args: ['run', 'lint'] },
    { step: 'TypeScript', args: ['run', 'typecheck'] },
    {
      step: 'self-tests but the heavy ones',
      args: ['run', 'selftest', '--', '--grep-invert', '@heavy'],
      live: true,
    },
    { step: 'rehearsal', args: ['run', 'rehearsal'] },
  ],
  [{ step: 'gate', args: ['run', 'gate'], live: true }],
];

runMain(async () => {
  if (process.argv.length > 2) {
    throw new HarnessError(
      'npm test takes no arguments: run `npm run selftest -- <arguments>` for some self-tests',
    );
  }
  const logDir = join(reportPaths().root, 'npm-test');
  const steps = new Steps('npm test', { announce: process.stdout });
  /** The end of each quiet step that failed, shown after the summary, not amid the others' progress. */
  const failures: string[] = [];
  const npmScript = ({ step, args, live }: Script) =>
    steps.run(step, async () => {
      const logFile = relative(process.cwd(), join(logDir, `${args[1]}.log`));
      const { exitCode, tail } = await run('npm', args, { echo: live, logFile });
      if (exitCode === 0) return live ? '' : logFile;
      if (!live) failures.push(`\n${step} failed; the end of ${logFile}:\n${tail}\n`);
      throw new HarnessError(`exited ${exitCode}; see ${logFile}`);
    });

  for (const round of ROUNDS) {
    if (steps.passed) await Promise.all(round.map(npmScript));
    else for (const { step } of round) steps.skip(step, 'an earlier step failed');
  }
  process.stdout.write(steps.summary());
  for (const failure of failures) process.stdout.write(failure);
  steps.write(join(logDir, 'steps.json'));
  return steps.passed ? 0 : 1;
});
