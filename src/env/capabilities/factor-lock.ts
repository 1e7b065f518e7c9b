import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HarnessError } from '../../errors';
import { DESIGNATED_USER_WAIT_MS as DEFAULT_WAIT_MS } from '../timing';

export interface AcquireFirstOptions<Holder> {
  readonly timeoutMs?: number;
  /** What was waited for, in a timeout's message. */
  readonly waitingFor: string;
  /**
   * Whether a holder may be taken, asked afresh on every try and once more under its lock (another process
   * may have ruled it out meanwhile). When none may, `noneEligible` is thrown. Default: every holder may.
   */
  readonly eligible?: (holder: Holder) => boolean;
  readonly noneEligible?: () => Error;
}

/**
 * Takes the named locks of the first eligible holder whose locks are all free, trying again until one is or
 * `timeoutMs` has passed.
 */
export async function acquireFirst<Holder extends { readonly lock: FactorLock }>(
  holders: readonly Holder[],
  names: readonly string[],
  {
    timeoutMs = DEFAULT_WAIT_MS,
    waitingFor,
    eligible = () => true,
    noneEligible,
  }: AcquireFirstOptions<Holder>,
): Promise<{ holder: Holder; unlock: () => Promise<void> }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const candidates = holders.filter(eligible);
    if (candidates.length === 0 && noneEligible) throw noneEligible();
    for (const holder of candidates) {
      const unlock = await holder.lock.tryAcquire(names);
      if (!unlock) continue;
      if (eligible(holder)) return { holder, unlock };
      await unlock();
    }
    if (Date.now() > deadline) throw new HarnessError(`waited ${timeoutMs} ms for ${waitingFor}`);
    await sleep(100);
  }
}

/** A directory of `kind` for the designated user `scope`, the same in every process on this machine. */
export function scopedDir(kind: 'locks' | 'stuck', scope: string): string {
  const digest = createHash('sha256').update(scope).digest('hex').slice(0, 16);
  return join(tmpdir(), `enroll-factor-harness-${kind}`, digest);
}

/**
 * A lock shared by every worker process of a run (and of concurrent runs on the same machine), so tests
 * sharing one designated user never bind the same factor type at the same time. `mkdir` is atomic; a lock
 * whose owner process has died is taken over.
 */
export class FactorLock {
  private readonly root: string;

  constructor(scope: string) {
    this.root = scopedDir('locks', scope);
  }

  /** Takes every named lock (in sorted order, so two tests never wait on each other). */
  async acquire(names: readonly string[], timeoutMs = DEFAULT_WAIT_MS): Promise<() => Promise<void>> {
    const waitingFor = `the test-user locks ${[...names].sort().join(', ')}`;
    return (await acquireFirst([{ lock: this }], names, { timeoutMs, waitingFor })).unlock;
  }

  /** Takes every named lock at once, or none: undefined when one of them is held by a live process. */
  async tryAcquire(names: readonly string[]): Promise<(() => Promise<void>) | undefined> {
    await mkdir(this.root, { recursive: true });
    const held: string[] = [];
    const release = async () => {
      await Promise.all(held.map((name) => this.drop(name)));
    };
    try {
      for (const name of [...new Set(names)].sort()) {
        if (!(await this.take(name))) {
          await release();
          return undefined;
        }
        held.push(name);
      }
    } catch (error) {
      await release();
      throw error;
    }
    return release;
  }

  /** Takes one lock if it is free (or its owner has died); false when a live process holds it. */
  private async take(name: string): Promise<boolean> {
    const dir = join(this.root, name);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await mkdir(dir);
        await writeFile(join(dir, 'owner'), String(process.pid));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      if (!(await this.ownerIsGone(dir))) return false;
      await rm(dir, { recursive: true, force: true });
    }
    return false;
  }

  private async ownerIsGone(dir: string): Promise<boolean> {
    const owner = Number(await readFile(join(dir, 'owner'), 'utf8').catch(() => ''));
    if (!owner) return false;
    try {
      process.kill(owner, 0);
      return false;
    } catch {
      return true;
    }
  }

  private async drop(name: string): Promise<void> {
    await rm(join(this.root, name), { recursive: true, force: true });
  }
}
