import { mapRoleProviders } from './capabilities/roles';
import type { Environment } from './environment';
import type { Clock, CodeInbox, UserProvider } from './types';

/**
 * A test's time budget as the runner keeps it. A wait the environment makes announces itself, so the
 * budget grows by the time the wait takes instead of that time eating into the test's own.
 */
export interface TimeBudget {
  /** Runs a wait of at most `maxMs`: the budget grows by the time it took, never by more than `maxMs`. */
  during<T>(maxMs: number, wait: () => Promise<T>): Promise<T>;
}

/**
 * The environment as one test sees it: real waiting for a token to expire, waiting for a code in an inbox,
 * and waiting for a designated or role user whose factor types are free are each added to the test's budget.
 */
export function withinBudget(environment: Environment, budget: TimeBudget): Environment {
  const { timing } = environment;
  const clock: Clock = environment.clock.virtual
    ? environment.clock
    : {
        ...environment.clock,
        advance: (user, ms) => budget.during(ms, () => environment.clock.advance(user, ms)),
      };
  const inbox = (inner: CodeInbox): CodeInbox => ({
    description: inner.description,
    waitForCode: (to, channel, options) =>
      budget.during(options.timeoutMs ?? timing.codeWaitMs, () => inner.waitForCode(to, channel, options)),
  });
  const users = (inner: UserProvider): UserProvider =>
    inner.isolated
      ? inner
      : { ...inner, acquire: (options) => budget.during(timing.userWaitMs, () => inner.acquire(options)) };
  return {
    ...environment,
    ...mapRoleProviders(environment, users),
    clock,
    inboxes: { SMS: inbox(environment.inboxes.SMS), EMAIL: inbox(environment.inboxes.EMAIL) },
    users: users(environment.users),
    ...(environment.otherUsers ? { otherUsers: users(environment.otherUsers) } : {}),
  };
}
