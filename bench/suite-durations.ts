import { join } from 'node:path';
import { type TimedRun, timeCommand } from './support/commands';

/** `npm test` on the current checkout, as a maintainer runs it. */
export function measureNpmTest(logDir: string): Promise<TimedRun> {
  return timeCommand('npm', ['test'], { logFile: join(logDir, 'npm-test.log') });
}

/** `npm run selftest:heavy`: the self-tests `npm test` leaves out and `.ci/run` runs after it. */
export function measureHeavySelfTests(logDir: string): Promise<TimedRun> {
  return timeCommand('npm', ['run', 'selftest:heavy'], { logFile: join(logDir, 'selftest-heavy.log') });
}

/** `npm run selftest:sensitivity`: the kill matrix of every defect. */
export function measureSensitivity(logDir: string): Promise<TimedRun> {
  return timeCommand('npm', ['run', 'selftest:sensitivity'], { logFile: join(logDir, 'sensitivity.log') });
}
