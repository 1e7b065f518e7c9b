import type { FactorIdFormat } from '../config/mock-values';
import type { LatencyRange } from '../config/parsers';
import type { FactorType } from '../contract';
import type { VirtualClocks } from './clock';
import type { DefectSet } from './defect-set';
import type { Rules } from './rules';
import type { MockState } from './state';

export interface MockConfig {
  readonly codeLength: number;
  readonly enrollmentTokenTtlMs: number;
  readonly accessTokenTtlMs: number;
  readonly resendWindowMs: number;
  readonly defaultUserPoolName: string;
  /** Users created through the control plane are forgotten after this long without a request (real time). */
  readonly userIdleMs: number;
  /** `iss` of the access tokens. */
  readonly issuer: string;
  /** `user-suffixed`: `<userId>|phone` as real SDK test data shows; `opaque`: a random id (clients must not care). */
  readonly factorIds: FactorIdFormat;
  /** Requests per second per user pool (0: no limit), unless the pool has its own. */
  readonly rateLimitPerSecond: number;
  /** The largest request body served. */
  readonly bodyLimitBytes: number;
  /** How long each API answer takes; none when unset. */
  readonly latency?: LatencyRange;
  /** Factor types reset-factor refuses to unbind for every user (users may refuse more of their own). */
  readonly refuseResetOf: readonly FactorType[];
}

/** A code handed to a real channel (SMTP, an SMS webhook) next to the outbox. */
export interface Delivery {
  readonly channel: 'SMS' | 'EMAIL';
  readonly to: string;
  readonly code: string;
  readonly phoneCountryCode?: string;
  readonly userPoolName: string;
  readonly sentAt: string;
}

/** What the core of the simulator works with: state, time, configuration, and the rules in force. */
export interface MockContext {
  readonly state: MockState;
  readonly clocks: VirtualClocks;
  readonly defects: DefectSet;
  readonly config: MockConfig;
  readonly signingKey: Buffer;
  /** Hands a code to the configured real channels; the outbox is written by the core. */
  readonly deliver: (delivery: Delivery) => void;
}

/** The rules in force: the faithful ones, with the replacement of each defect the mock ships. */
export function rulesOf(context: MockContext): Rules {
  return context.defects.rules;
}
