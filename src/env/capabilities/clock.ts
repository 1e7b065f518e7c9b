import { setTimeout as sleep } from 'node:timers/promises';
import { HarnessError } from '../../errors';
import type { MockControl } from '../mock-control';
import type { Clock, TestUser } from '../types';

/** Per-user virtual time of the mock: advancing one user's clock leaves every other test's clock alone. */
export function virtualClock(control: MockControl): Clock {
  const userIdOf = (user: TestUser) => {
    if (!user.userId) throw new HarnessError('the virtual clock needs a mock user with a userId');
    return user.userId;
  };
  return {
    virtual: true,
    now: (user) => control.now(userIdOf(user)),
    async advance(user, ms) {
      await control.advanceClock(userIdOf(user), ms);
    },
  };
}

/** Real time: advancing means waiting. */
export function realClock(): Clock {
  return {
    virtual: false,
    async now() {
      return Date.now();
    },
    async advance(_user, ms) {
      if (ms > 0) await sleep(ms);
    },
  };
}

/**
 * Lets time pass until `ms` after `since` (a `Clock.now` reading) for the user. Real time spent on the
 * way counts: on the mock the virtual clock moves with real time too.
 */
export async function letElapse(clock: Clock, user: TestUser, since: number, ms: number): Promise<void> {
  const now = await clock.now(user);
  await clock.advance(user, since + ms - now);
}
