import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { collectRecording, type Recording, writeRecording } from '../fidelity/recording';
import { PLAYWRIGHT_CLI, run } from '../process/run';
import { suiteArgs } from '../suites';
import { cleanStandInEnvironment, type Plants, startStandIn } from './stand-in';

/**
 * Workers of a run at the fast profile's short TTL: one per core. Its waits are a few seconds, so more workers
 * than cores mostly add start-ups, each a couple of CPU seconds (on two cores, four workers a side cost a
 * rehearsal 30 CPU seconds and took longer).
 */
export const FAST_WORKERS = Math.max(2, availableParallelism());

/**
 * The runs the fidelity check compares: a side's API suites run with their exchanges recorded, and the mock
 * side, the same tests through a clean stand-in.
 */

export type Side = 'tenant' | 'mock';

/** Where a side's recording goes while it runs (the workers' files), and the recording made of it. */
export function sideFiles(
  fidelityDir: string,
  side: Side,
): { readonly dir: string; readonly recording: string } {
  return { dir: join(fidelityDir, side), recording: join(fidelityDir, `recording-${side}.json`) };
}

/** Forgets what an earlier run of a side recorded. */
export function clearSide(fidelityDir: string, side: Side): void {
  const { dir, recording } = sideFiles(fidelityDir, side);
  rmSync(dir, { recursive: true, force: true });
  rmSync(recording, { force: true });
}

/** The recording of what a side's run recorded, written beside it. */
export function finishSide(
  fidelityDir: string,
  side: Side,
  meta: { readonly target: string; readonly fakerSeed?: string },
): Recording {
  const { dir, recording: file } = sideFiles(fidelityDir, side);
  const seed = Number(meta.fakerSeed);
  const recording = collectRecording(dir, {
    side,
    target: meta.target,
    ...(Number.isFinite(seed) && meta.fakerSeed ? { fakerSeed: seed } : {}),
  });
  writeRecording(file, recording);
  return recording;
}

/** Variables of the run a mock side mirrors that would make it write into that run's files. */
const OUTPUT_VARIABLES = [
  'PLAYWRIGHT_JSON_OUTPUT_NAME',
  'PLAYWRIGHT_JUNIT_OUTPUT_FILE',
  'PLAYWRIGHT_LAST_RUN_OUTPUT_FILE',
  'HARNESS_FAILURES_FILE',
  'HARNESS_TIMINGS_FILE',
  'ALLURE_RESULTS_DIR',
];

export interface StandInSideOptions {
  /** Which side it records. Default `mock`. */
  readonly side?: Side;
  /** The configuration of the run the mock side mirrors: its seed and its designated users' accounts. */
  readonly env: NodeJS.ProcessEnv;
  /** The tests: Playwright arguments that pick them (of the API suites), or the ids of those to run again. */
  readonly select: { readonly args: readonly string[] } | { readonly testIds: readonly string[] };
  /** The fidelity folder of the comparison: the mock side's run, its logs and its recording go there. */
  readonly fidelityDir: string;
  /** Default {@link FAST_WORKERS}. */
  readonly workers?: number;
  /** Planted answers, for a self-test of the check itself; a mock side is clean otherwise. */
  readonly plants?: Plants;
}

export interface StandInSide {
  readonly exitCode: number;
  readonly recording: Recording;
}

/**
 * Runs the same API tests through a clean stand-in (mock without control plane, the fast profile's short
 * TTL, the same seed and accounts), recording every exchange: the mock side of the fidelity check. With
 * plants, a stand-in that answers otherwise on purpose, for the self-tests of the check.
 */
export async function recordStandInSide(options: StandInSideOptions): Promise<StandInSide> {
  const side = options.side ?? 'mock';
  const env = cleanStandInEnvironment(options.env);
  for (const name of OUTPUT_VARIABLES) delete env[name];
  const runDir = join(options.fidelityDir, `${side}-side`);
  clearSide(options.fidelityDir, side);
  mkdirSync(runDir, { recursive: true });
  const target = options.plants ? 'planted stand-in' : 'clean stand-in';
  const standIn = await startStandIn({
    env,
    name: `${target} (${side} side)`,
    logFile: join(runDir, 'mock.log'),
    plants: options.plants,
    clean: true,
  });
  try {
    const selection: string[] = [];
    const extra: NodeJS.ProcessEnv = {};
    if ('testIds' in options.select) {
      const lastRun = join(runDir, 'tests.json');
      writeFileSync(lastRun, JSON.stringify({ status: 'failed', failedTests: options.select.testIds }));
      selection.push('--last-failed');
      extra.PLAYWRIGHT_LAST_RUN_OUTPUT_FILE = lastRun;
    } else {
      selection.push(...options.select.args);
    }
    const { exitCode } = await run(
      process.execPath,
      [
        PLAYWRIGHT_CLI,
        'test',
        ...suiteArgs('api'),
        `--workers=${options.workers ?? FAST_WORKERS}`,
        '--reporter=dot',
        `--output=${join(runDir, 'test-results')}`,
        ...selection,
      ],
      {
        env: {
          ...env,
          ...standIn.env,
          ...extra,
          REPORTS_DIR: runDir,
          HARNESS_FIDELITY_DIR: sideFiles(options.fidelityDir, side).dir,
        },
        inherit: () => false,
        logFile: join(runDir, 'playwright.log'),
      },
    );
    const recording = finishSide(options.fidelityDir, side, {
      target,
      fakerSeed: env.FAKER_SEED,
    });
    return { exitCode, recording };
  } finally {
    await standIn.stop();
  }
}
