import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { HarnessError } from '../src/errors';
import { startMockProcess } from './support/processes';

export interface UserLoadPoint {
  readonly users: number;
  readonly heapUsedMb: number;
  readonly rssMb: number;
  /** Sign-ins of the seeded user per second at this point. */
  readonly signinsPerSecond: number;
}

export interface UserFigures {
  readonly createdUsers: number;
  readonly createSeconds: number;
  /** A fresh mock with its one seed user. */
  readonly before: UserLoadPoint;
  /** Right after the users were created through the control plane, all of them still there. */
  readonly crowded: UserLoadPoint;
  /** Once they were idle and swept. */
  readonly after: UserLoadPoint;
  /** Sign-ins per second among the created users, divided by the rate before: 1 is flat. */
  readonly signinRatio: number;
  /** Heap after the sweep against before, in percent: near zero when everything of theirs is forgotten. */
  readonly heapGrowthPercent: number;
}

const MB = 1024 * 1024;
const SEED = { account: 'bench-signin', password: 'bench-password' };
const SIGNIN_SECONDS = 5;

async function signinsPerSecond(url: string): Promise<number> {
  const result = await autocannon({
    url: `${url}/api/v3/signin`,
    method: 'POST',
    connections: 10,
    duration: SIGNIN_SECONDS,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ connection: 'PASSWORD', passwordPayload: SEED }),
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new HarnessError(`bench: ${result.non2xx + result.errors} sign-ins of the seeded user failed`);
  }
  return result.requests.average;
}

async function userCount(url: string): Promise<number> {
  const stats = (await (await fetch(`${url}/__mock/stats`)).json()) as { users: number };
  return stats.users;
}

/**
 * Memory and sign-in throughput of the mock (in a process of its own) before `users` users are created through
 * the control plane, right after, and once the sweeper forgot them for being idle.
 */
export async function measureUsers(options: { users?: number } = {}): Promise<UserFigures> {
  const createdUsers = options.users ?? 100_000;
  // Long enough that every user is still there when sign-in is measured among them, short enough to wait for.
  const userIdleSeconds = 60;
  // Every sign-in issues an access token: short-lived ones, swept before memory is read, keep the sign-in
  // rounds themselves out of the memory figures.
  const accessTokenTtlSeconds = 2;
  const mock = await startMockProcess({
    userIdleSeconds,
    accessTokenTtlSeconds,
    sweepIntervalMs: 1_000,
    seedUsers: [SEED],
  });
  /** Memory once the tokens of earlier sign-ins are swept, then the sign-in rate. */
  const point = async (users: number): Promise<UserLoadPoint> => {
    await sleep(accessTokenTtlSeconds * 1000 + 1_500);
    const memory = await mock.memory();
    return {
      users,
      heapUsedMb: memory.heapUsedBytes / MB,
      rssMb: memory.rssBytes / MB,
      signinsPerSecond: await signinsPerSecond(mock.url),
    };
  };
  try {
    await signinsPerSecond(mock.url);
    const before = await point(await userCount(mock.url));

    const started = performance.now();
    const created = await autocannon({
      url: `${mock.url}/__mock/users`,
      method: 'POST',
      connections: 20,
      amount: createdUsers,
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const createSeconds = (performance.now() - started) / 1000;
    if (created.non2xx > 0 || created.errors > 0) {
      throw new HarnessError(`bench: ${created.non2xx + created.errors} user creations failed`);
    }
    const crowded = await point(await userCount(mock.url));

    const deadline = Date.now() + (userIdleSeconds + 60) * 1000;
    while ((await userCount(mock.url)) > before.users && Date.now() < deadline) await sleep(1_000);
    const after = await point(await userCount(mock.url));
    return {
      createdUsers,
      createSeconds,
      before,
      crowded,
      after,
      signinRatio: crowded.signinsPerSecond / before.signinsPerSecond,
      heapGrowthPercent: ((after.heapUsedMb - before.heapUsedMb) / before.heapUsedMb) * 100,
    };
  } finally {
    await mock.stop();
  }
}
