import type { HarnessConfig } from './config';

/**
 * How long things take on the target, from its configuration: every budget of a run (a test's timeout, the
 * waits inside it, the Pact verifier's request timeout) is derived from here, so a run at the documented
 * TTL across a real network fits, and a test that hangs still times out.
 */
export interface Timing {
  /** A test's own time, its waits aside: fixtures, checks, and its requests at the slowest latency. */
  readonly testMs: number;
  /** The longest one request may take to be answered. */
  readonly requestMs: number;
  /** Real time a test lets pass for an enrollment token to expire, margin included; 0 on a virtual clock. */
  readonly expiryWaitMs: number;
  /** The longest wait for an SMS or EMAIL code to arrive (`CODE_TIMEOUT_MS`). */
  readonly codeWaitMs: number;
  /** The longest a provider state takes to set up: its requests, a code, and the expiry wait. */
  readonly stateSetupMs: number;
  /** The longest wait for a designated user whose factor types are free (none where every test has its own). */
  readonly userWaitMs: number;
}

/** What a test needs on loopback, its waits aside: Playwright's default, which every suite fits in. */
const OWN_TEST_MS = 30_000;
/** More requests than any one test sends (a test of many bodies sends about 30). */
const REQUESTS_PER_TEST = 50;
/** More requests than a provider state sends: sign-in, send, enroll, list, and the inbox's polls. */
const REQUESTS_PER_STATE = 12;
/** What an answer takes on top of the network: the transport's own bound lies far above. */
const SERVER_MS = 200;
/** How long a test waits for a designated user whose factor types are free (`acquireFirst`'s default). */
export const DESIGNATED_USER_WAIT_MS = 15 * 60_000;

export interface TimingFacts {
  /** The enrollment token lifetime the environment applies. */
  readonly enrollmentTokenTtlMs: number;
  /** True when time can be moved without waiting (the mock's control plane). */
  readonly virtualClock: boolean;
  /** True when every test gets a user of its own, so none waits for another's. */
  readonly isolatedUsers: boolean;
}

export function timingOf(config: HarnessConfig, facts: TimingFacts): Timing {
  const requestMs = config.latency.maxMs + SERVER_MS;
  const expiryWaitMs = facts.virtualClock ? 0 : facts.enrollmentTokenTtlMs + config.expiryMarginMs;
  const codeWaitMs = config.codeTimeoutMs;
  return {
    testMs: OWN_TEST_MS + REQUESTS_PER_TEST * config.latency.maxMs,
    requestMs,
    expiryWaitMs,
    codeWaitMs,
    stateSetupMs: OWN_TEST_MS + REQUESTS_PER_STATE * requestMs + codeWaitMs + expiryWaitMs,
    userWaitMs: facts.isolatedUsers ? 0 : DESIGNATED_USER_WAIT_MS,
  };
}
