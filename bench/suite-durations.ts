import { join } from 'node:path';
import { type TimedRun, timeCommand } from './support/commands';

/** `npm test` on the current checkout, as a maintainer runs it. */
export function measureNpmTest(logDir: string): Promise<TimedRun> {
  return timeCommand('npm', ['test'], { logFile: join(logDir, 'npm-test.log') });
}

/** `npm run selftest:sensitivity`: the kill matrix of every defect. */
export function measureSensitivity(logDir: string): Promise<TimedRun> {
  return timeCommand('npm', ['run', 'selftest:sensitivity'], { logFile: join(logDir, 'sensitivity.log') });
}
