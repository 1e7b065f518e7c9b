import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

type Outcome<T> = { readonly value: T } | { readonly error: string };

/**
 * The result of `make`, made once per Playwright run by whichever worker asks first,
 * for the self-tests in several files that read the outputs of one nested run: a worker that asks while it
 * is being made waits for it, and a worker restarted after a failed test finds it made. The result must be
 * plain JSON.
 */
export async function oncePerRun<T>(name: string, make: () => Promise<T>, timeoutMs = 300_000): Promise<T> {
  const runId = process.env.HARNESS_RUN_ID;
  if (!runId) return make();
  // The run's id and its runner (the workers' parent): an id set from outside may repeat across runs.
  const runDir = join(tmpdir(), `harness-selftest-${runId}-${process.ppid}`);
  const dir = join(runDir, name);
  const resultFile = join(dir, 'result.json');
  mkdirSync(runDir, { recursive: true });
  if (claim(dir)) {
    let outcome: Outcome<T>;
    try {
      outcome = { value: await make() };
    } catch (error) {
      outcome = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    writeFileSync(`${resultFile}.partial`, JSON.stringify(outcome));
    renameSync(`${resultFile}.partial`, resultFile);
  }
  const deadline = performance.now() + timeoutMs;
  while (!existsSync(resultFile)) {
    if (performance.now() > deadline) {
      throw new Error(`${name} was not made within ${timeoutMs} ms by the worker that started it`);
    }
    await sleep(250);
  }
  const outcome = JSON.parse(readFileSync(resultFile, 'utf8')) as Outcome<T>;
  if ('error' in outcome) throw new Error(`${name} could not be made: ${outcome.error}`);
  return outcome.value;
}

/** True for the one caller that creates `dir`: making its result is that caller's job. */
function claim(dir: string): boolean {
  try {
    mkdirSync(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
