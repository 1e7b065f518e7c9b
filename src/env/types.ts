import type { FactorType } from '../contract';

/**
 * What a target environment can do for a test, as capabilities rather than branches: the same test
 * file runs against the embedded mock and against a real GenAuth environment.
 */

/** A user the tests act as. */
export interface TestUser {
  readonly userId?: string;
  readonly accessToken: string;
  readonly appId: string;
  readonly phoneNumber?: string;
  readonly email?: string;
  /** Issuer of the user's TOTP URIs, where known. */
  readonly userPoolName?: string;
}

export interface AcquireUserOptions {
  /** Factor types the user's application must enable. Default: all four. */
  readonly factorTypes?: readonly FactorType[];
  readonly phoneNumber?: string;
  readonly email?: string;
}

export interface UserProvider {
  /** True when every test gets a fresh user of its own (mock); false for one designated user (real). */
  readonly isolated: boolean;
  /** A user for one test. */
  acquire(options?: AcquireUserOptions): Promise<TestUser>;
  /** Undo what the test did to the user: reset every factor it bound; verify the user is as found. */
  release(user: TestUser): Promise<void>;
}

export type CodeChannel = 'SMS' | 'EMAIL';

export interface CodeInbox {
  /**
   * The code delivered to `to` (a phone number or email) by the send that happened at or after
   * `sentAfterMs` (epoch ms, real time). Polls until it arrives or `timeoutMs` (default 10 000) passes.
   */
  waitForCode(to: string, channel: CodeChannel, options: { sentAfterMs: number; timeoutMs?: number }): Promise<string>;
}

export interface Clock {
  /** True when time can be moved without waiting (mock). */
  readonly virtual: boolean;
  /** The current time as the provider sees it for this user (virtual on the mock). */
  now(user: TestUser): Promise<number>;
  /** Let `ms` pass for this user: a virtual jump on the mock, real waiting elsewhere. */
  advance(user: TestUser, ms: number): Promise<void>;
}
