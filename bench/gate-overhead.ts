import { join } from 'node:path';
import { median, timeCommand } from './support/commands';

export interface GateOverheadFigures {
  readonly gateWallMs: number;
  readonly gateExitCode: number;
  /** Median of three bare Playwright runs of one trivial test. */
  readonly floorWallMs: number;
  readonly ratio: number;
}

/** `npm run gate` against the embedded mock, divided by the Playwright runner's floor. */
export async function measureGateOverhead(logDir: string): Promise<GateOverheadFigures> {
  const floors: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const floor = await timeCommand('npx', ['playwright', 'test', '-c', 'bench/floor/playwright.config.ts'], {
      logFile: join(logDir, 'floor.log'),
    });
    if (floor.exitCode !== 0)
      throw new Error('[enroll-factor-harness] bench: the trivial Playwright run failed');
    floors.push(floor.wallMs);
  }
  const gate = await timeCommand('npm', ['run', 'gate'], { logFile: join(logDir, 'gate.log') });
  const floorWallMs = median(floors);
  return {
    gateWallMs: gate.wallMs,
    gateExitCode: gate.exitCode,
    floorWallMs,
    ratio: gate.wallMs / floorWallMs,
  };
}
