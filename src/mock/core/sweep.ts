import type { MockContext } from '../context';
import { isExpired } from './enrollment';

/** Retires expired pending enrollments, stale resend locks and expired access tokens; returns how many enrollments went. */
export function sweep(context: MockContext): number {
  const { state, clocks, config } = context;
  let swept = 0;
  for (const pending of [...state.pending.values()]) {
    if (isExpired(context, pending)) {
      state.retirePending(pending, 'expired');
      swept++;
    }
  }
  for (const [key, lock] of state.resendLocks) {
    if (clocks.now(lock.userId) - lock.sentAt >= config.resendWindowMs) state.resendLocks.delete(key);
  }
  for (const [token, record] of state.accessTokens) {
    if (clocks.now(record.userId) >= record.expiresAt) state.accessTokens.delete(token);
  }
  return swept;
}
