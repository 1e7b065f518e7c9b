import type { FactorType } from '../contract';

/**
 * What a target environment can do for a test, as capabilities rather than branches: the same test
 * file runs against the embedded mock and against a real GenAuth environment.
 */

/** A user the tests act as. */
export interface TestUser {
  readonly userId?: string;
  readonly accessToken: string;
  /** The sign-in's id_token, where the user signs in (Guard iOS and Android send it as the bearer). */
  readonly idToken?: string;
  readonly appId: string;
  readonly phoneNumber?: string;
  readonly email?: string;
  /** Issuer of the user's TOTP URIs, where known. */
  readonly userPoolName?: string;
}

export interface AcquireUserOptions {
  /** Factor types the user's application must enable (mock only; a real app is as configured). Default: all four. */
  readonly factorTypes?: readonly FactorType[];
  /**
   * Factor types the test may bind. A shared user is locked for these types for the duration of the test,
   * and every factor of these types bound during the test is reset on release. Default: all four.
   */
  readonly touches?: readonly FactorType[];
  readonly phoneNumber?: string;
  readonly email?: string;
  /** A rate limit of the user's own pool, in requests per second (mock only), to provoke throttling. */
  readonly rateLimitPerSecond?: number;
  /** Factor types whose reset-factor the environment refuses for this user (mock only), to provoke a refusal. */
  readonly refuseResetOf?: readonly FactorType[];
}

export interface UserProvider {
  /** True when every test gets a fresh user of its own (mock); false for one designated user (real). */
  readonly isolated: boolean;
  /** True when every user it gives has an id_token (the mock's; designated users signing in with a password). */
  readonly idTokens: boolean;
  /** A user for one test. */
  acquire(options?: AcquireUserOptions): Promise<TestUser>;
  /** Undo what the test did to the user: reset every factor it bound; verify the user is as found. */
  release(user: TestUser): Promise<void>;
}

export type CodeChannel = 'SMS' | 'EMAIL';

export interface WaitForCodeOptions {
  /**
   * Only codes sent at or after this instant count (epoch ms, as `Clock.now` reported it for the
   * sending user just before the send).
   */
  readonly sentAfterMs: number;
  /** Give up after this many milliseconds of real time. Default 10 000. */
  readonly timeoutMs?: number;
}

export interface CodeInbox {
  /** Where the codes come from, for reports (`mock outbox`, `maildev at http://…`, …). */
  readonly description: string;
  /** The newest code delivered to `to` (a phone number or email) since `sentAfterMs`; polls until it arrives. */
  waitForCode(to: string, channel: CodeChannel, options: WaitForCodeOptions): Promise<string>;
}

export interface Clock {
  /** True when time can be moved without waiting (mock). */
  readonly virtual: boolean;
  /** The current time as the provider sees it for this user (virtual on the mock). */
  now(user: TestUser): Promise<number>;
  /** Let `ms` pass for this user: a virtual jump on the mock, real waiting elsewhere. */
  advance(user: TestUser, ms: number): Promise<void>;
}
