import type { MockContext } from '../context';
import { isExpired } from './enrollment';

/** What one sweep retired. */
export interface Swept {
  readonly enrollments: number;
  readonly users: number;
}

/**
 * Retires expired pending enrollments, stale resend locks and expired access tokens, and forgets users
 * created through the control plane once idle (no request for `userIdleMs` of real time) with all that is
 * theirs. Seed users stay.
 */
export function sweep(context: MockContext): Swept {
  const { state, clocks, config } = context;
  let enrollments = 0;
  for (const pending of [...state.pending.values()]) {
    if (isExpired(context, pending)) {
      state.retirePending(pending, 'expired');
      enrollments++;
    }
  }
  for (const [key, lock] of state.resendLocks) {
    if (clocks.now(lock.userId) - lock.sentAt >= config.resendWindowMs) state.resendLocks.delete(key);
  }
  for (const [token, record] of state.accessTokens) {
    if (clocks.now(record.userId) >= record.expiresAt) state.accessTokens.delete(token);
  }
  const now = clocks.now(undefined);
  const idle = [...state.users.values()].filter(
    (user) => user.sweepable && now - user.lastSeenMs >= config.userIdleMs,
  );
  state.removeUsers(idle);
  for (const user of idle) clocks.forget(user.userId);
  return { enrollments, users: idle.length };
}
