import { setTimeout as sleep } from 'node:timers/promises';
import { createMockUsers, resetFactors, runEnrollmentLoad } from './support/enrollment-load';
import { startMockProcess } from './support/processes';

export interface MemoryRound {
  readonly completedEnrollments: number;
  readonly expiredEnrollments: number;
  readonly rssMb: number;
  readonly heapUsedMb: number;
  readonly pendingAfterSweep: number;
  readonly failureMessages: Readonly<Record<string, number>>;
  /** Requests per second of the round's expiring sends. */
  readonly sendsPerSecond: number;
}

export interface MemoryFigures {
  readonly enrollmentsPerRound: number;
  readonly rounds: readonly MemoryRound[];
  /** Resident memory after the last round. */
  readonly finalRssMb: number;
  /** Growth of the heap from the first round to the last, in percent: near zero when state is swept. */
  readonly heapGrowthPercent: number;
}

const MB = 1024 * 1024;

/**
 * Memory of the mock (in a process of its own) after rounds of `enrollments` completed enrollments plus as
 * many that are left to expire, each round followed by a sweep of the expired ones.
 */
export async function measureMemory(
  options: { enrollments?: number; rounds?: number } = {},
): Promise<MemoryFigures> {
  const enrollmentsPerRound = options.enrollments ?? 100_000;
  const roundCount = options.rounds ?? 2;
  const ttlSeconds = 1;
  const mock = await startMockProcess({ enrollmentTokenTtlSeconds: ttlSeconds, sweepIntervalMs: 500 });
  const rounds: MemoryRound[] = [];
  try {
    const users = await createMockUsers(mock.url, 100);
    for (let round = 1; round <= roundCount; round += 1) {
      const full = await runEnrollmentLoad({
        url: mock.url,
        users,
        connections: 50,
        flows: enrollmentsPerRound,
        factorType: 'FACE',
      });
      await resetFactors(mock.url, users, 'FACE');
      const loadStarted = performance.now();
      const pending = await runEnrollmentLoad({
        url: mock.url,
        users,
        connections: 50,
        flows: enrollmentsPerRound,
        steps: 'send-only',
        factorType: 'FACE',
      });
      const sendsPerSecond = pending.requests / ((performance.now() - loadStarted) / 1000);
      await sleep(ttlSeconds * 1000 + 1_500);
      const stats = (await (await fetch(`${mock.url}/__mock/stats`)).json()) as {
        pendingEnrollments: number;
      };
      const memory = await mock.memory();
      rounds.push({
        completedEnrollments: Math.floor(full.succeeded / 3),
        expiredEnrollments: pending.succeeded,
        rssMb: memory.rssBytes / MB,
        heapUsedMb: memory.heapUsedBytes / MB,
        pendingAfterSweep: stats.pendingEnrollments,
        failureMessages: { ...full.failureMessages, ...pending.failureMessages },
        sendsPerSecond,
      });
    }
  } finally {
    await mock.stop();
  }
  const first = rounds[0]!;
  const last = rounds.at(-1)!;
  return {
    enrollmentsPerRound,
    rounds,
    finalRssMb: last.rssMb,
    heapGrowthPercent: ((last.heapUsedMb - first.heapUsedMb) / first.heapUsedMb) * 100,
  };
}
