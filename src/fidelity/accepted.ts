import type { OperationName } from '../contract';

/**
 * Differences between the tenant and the mock accepted on purpose, each with its reason: the one place that
 * says where the mock answers otherwise than GenAuth and why that is right. A finding that matches one is
 * reported as accepted: it does not count against the fidelity share and never fails the nightly.
 *
 * Add one only when the difference cannot matter to any consumer and the mock cannot or should not follow
 * the tenant (a value the mock makes up differently, a field GenAuth adds for its own console); a difference
 * the pact relies on is never accepted here, it is a contract to change.
 */
export interface AcceptedDifference {
  /** The operation, or `*` for every operation. */
  readonly operation: OperationName | '*';
  /** `success`, an error catalog scenario, or `*` for every answer. Default `*`. */
  readonly answer?: string;
  /** The path as findings name it: `requestId`, `mediaType`, `data.profile.phoneCountryCode`, … */
  readonly path: string;
  /** The tenant's shape there, where only that one is accepted (e.g. `missing`); default any. */
  readonly tenant?: string;
  readonly reason: string;
}

/** None yet: every difference found so far was corrected in the mock, the catalog or the pact instead. */
export const ACCEPTED_DIFFERENCES: readonly AcceptedDifference[] = [];
