import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from '../src/errors';
import type { StepOutcome } from '../src/process/steps';
import { breakDownRun, type RunBreakdown } from './gate-breakdown';
import { timeCommand } from './support/commands';

export interface GateOverheadFigures {
  /** The least of the gate runs. */
  readonly gateWallMs: number;
  /** Every gate run's wall time, in order. */
  readonly gateRunsMs: readonly number[];
  readonly gateExitCode: number;
  /** The least of as many bare Playwright runs of one trivial test, run alternately with the gate. */
  readonly floorWallMs: number;
  readonly floorRunsMs: readonly number[];
  readonly ratio: number;
  /** The gate's own steps (gate-steps.json). */
  readonly steps: readonly StepOutcome[];
  /** Where the Playwright run of the gate spends its time (its JSON report). */
  readonly run: RunBreakdown;
}

/**
 * `npm run gate` against the embedded mock, divided by the Playwright runner's floor, and its breakdown. The
 * gate and a bare run of one trivial test alternate `rounds` times, so a noisy spell of a shared machine slows
 * both alike; each figure is the least of its runs, the run least disturbed.
 */
export async function measureGateOverhead(
  logDir: string,
  reportsDir: string,
  rounds = 3,
): Promise<GateOverheadFigures> {
  const floors: number[] = [];
  const gates: number[] = [];
  let gateExitCode = 0;
  let best: { wallMs: number; steps: StepOutcome[]; run: RunBreakdown } | undefined;
  for (let round = 0; round < rounds; round += 1) {
    const floor = await timeCommand('npx', ['playwright', 'test', '-c', 'bench/floor/playwright.config.ts'], {
      logFile: join(logDir, 'floor.log'),
    });
    if (floor.exitCode !== 0) throw new HarnessError('bench: the trivial Playwright run failed');
    floors.push(floor.wallMs);
    const timings = join(logDir, 'gate-timings.json');
    const gate = await timeCommand('npm', ['run', 'gate'], {
      env: { HARNESS_TIMINGS_FILE: timings },
      logFile: join(logDir, `gate-${round + 1}.log`),
    });
    gates.push(gate.wallMs);
    gateExitCode ||= gate.exitCode;
    if (!best || gate.wallMs < best.wallMs) {
      const steps = JSON.parse(readFileSync(join(reportsDir, 'gate-steps.json'), 'utf8')) as StepOutcome[];
      best = { wallMs: gate.wallMs, steps, run: breakDownRun(timings) };
    }
  }
  if (!best) throw new HarnessError('bench: the gate overhead needs at least one round');
  const floorWallMs = Math.min(...floors);
  return {
    gateWallMs: best.wallMs,
    gateRunsMs: gates,
    gateExitCode,
    floorWallMs,
    floorRunsMs: floors,
    ratio: best.wallMs / floorWallMs,
    steps: best.steps,
    run: best.run,
  };
}

/** The breakdown as lines for the bench's output. */
export function formatGateBreakdown(figures: GateOverheadFigures): string[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const playwright = figures.steps[0];
  const playwrightMs = playwright?.durationMs ?? 0;
  const stepsMs = figures.steps.reduce((total, step) => total + step.durationMs, 0);
  const { run } = figures;
  const beforeRunMs = playwright?.startedAtMs ? run.startedAtMs - playwright.startedAtMs : 0;
  const perTest = run.perTestMs;
  return [
    `gate ${s(figures.gateWallMs)}: npm + tsx + gate script ${s(figures.gateWallMs - stepsMs)}, ` +
      figures.steps.map((step) => `${step.name} ${s(step.durationMs)}`).join(', '),
    `  Playwright process ${s(playwrightMs)}: runner start-up and config ${s(beforeRunMs)}, global setup, test ` +
      `listing and ${run.workers} workers ${s(run.startupMs)}, tests ${s(run.runMs - run.startupMs - run.wrapUpMs)}, ` +
      `global teardown and reporters ${s(run.wrapUpMs + playwrightMs - beforeRunMs - run.runMs)}`,
    `  ${run.tests} tests: ${Object.entries(run.suites)
      .map(([suite, entry]) => `${suite} ${entry.tests} tests ${s(entry.testMs)}`)
      .join(', ')} (summed over ${run.workers} workers)`,
    `  per test ${ms(perTest.total)}: API answers ${ms(perTest.apiAnswers)}, reporting the exchanges ${ms(
      perTest.reportingExchanges,
    )}, fixtures, assertions and Playwright's steps ${ms(perTest.rest)}; the runner between two tests ${ms(
      perTest.betweenTests,
    )}`,
  ];
}
