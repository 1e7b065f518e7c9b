import {
  type CatalogField,
  catalogFieldsToAssert,
  catalogMessage,
  ERROR_CATALOG,
  type ErrorEnvelope,
  type ErrorScenario,
} from '../contract';

/** What an answer of any endpoint comes to: served, or a failure envelope (`ApiResult` fits). */
export type Answered =
  | { readonly ok: true; readonly httpStatus: number }
  | { readonly ok: false; readonly httpStatus: number; readonly envelope: ErrorEnvelope };

export interface ObservedFailure {
  readonly httpStatus: number;
  readonly statusCode: number;
  readonly apiCode?: number;
  readonly message: string;
}

export interface FailureVerdict {
  readonly scenario: ErrorScenario;
  readonly pass: boolean;
  /** One line per mismatch; empty when `pass`. */
  readonly problems: readonly string[];
  readonly observed?: ObservedFailure;
  /** Fields compared exactly. */
  readonly asserted: readonly CatalogField[];
  /** True when the catalog entry is (partly) assumed and the observed answer is evidence to record. */
  readonly evidence: boolean;
}

const CLIENT_ERROR_CLASS = (statusCode: number) => statusCode >= 400 && statusCode < 500;

/**
 * Judges an answer against the catalog entry of a failure scenario. Exact: httpStatus, statusCode, apiCode
 * and the message as the catalog says (the mock), the message naming `detail` where the entry has one (the
 * missing fields). Otherwise: the documented fields exactly, and for the rest only the error class (a
 * failure envelope with a 4xx statusCode), the answer kept as evidence.
 */
export function judgeFailure(
  result: Answered,
  scenario: ErrorScenario,
  exact: boolean,
  detail?: string,
): FailureVerdict {
  const entry = ERROR_CATALOG[scenario];
  const asserted = catalogFieldsToAssert(entry, exact);
  const evidence = !exact && entry.source === 'assumed';
  const expected = summarise(entry);
  if (result.ok) {
    return {
      scenario,
      pass: false,
      problems: [`expected the failure "${scenario}" (${expected}) but the call succeeded`],
      asserted,
      evidence: false,
    };
  }
  const observed: ObservedFailure = {
    httpStatus: result.httpStatus,
    statusCode: result.envelope.statusCode,
    apiCode: result.envelope.apiCode,
    message: result.envelope.message,
  };
  const problems: string[] = [];
  for (const field of asserted) {
    if (field === 'message') continue;
    if (observed[field] !== entry[field as keyof typeof entry]) {
      problems.push(
        `${field}: expected ${String(entry[field as keyof typeof entry])}, got ${String(observed[field])}`,
      );
    }
  }
  const message = catalogMessage(scenario, detail);
  if (exact && observed.message !== message) {
    problems.push(`message: expected "${message}", got "${observed.message}"`);
  }
  if (!exact && !CLIENT_ERROR_CLASS(observed.statusCode) && observed.statusCode !== 429) {
    problems.push(`statusCode: expected a 4xx client error, got ${observed.statusCode}`);
  }
  if (problems.length > 0) {
    problems.unshift(
      `"${scenario}" (${expected}) was answered with ${summarise(observed)}: "${observed.message}"`,
    );
  }
  return { scenario, pass: problems.length === 0, problems, observed, asserted, evidence };
}

function summarise(answer: { httpStatus: number; statusCode: number; apiCode?: number }): string {
  const apiCode = answer.apiCode === undefined ? 'no apiCode' : `apiCode ${answer.apiCode}`;
  return `HTTP ${answer.httpStatus}, statusCode ${answer.statusCode}, ${apiCode}`;
}

/** One line recording an observed answer, so an assumed catalog entry can be corrected from evidence. */
export function evidenceLine(verdict: FailureVerdict): string {
  const observed = verdict.observed;
  if (!observed) return `${verdict.scenario}: no failure observed`;
  const apiCode = observed.apiCode === undefined ? '-' : String(observed.apiCode);
  return `${verdict.scenario}: httpStatus ${observed.httpStatus}, statusCode ${observed.statusCode}, apiCode ${apiCode}, message "${observed.message}"`;
}
