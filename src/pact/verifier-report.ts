import { stripVTControlCharacters } from 'node:util';
import { redactText } from '../redaction/redact';

/** One mismatch of a verified interaction. */
export interface InteractionMismatch {
  /** Where: `$.statusCode`, a header name, `status`, or the state change. */
  readonly path: string;
  readonly problem: string;
}

/** One interaction of a verifier run, as its JSON report tells it. */
export interface VerifiedInteraction {
  /** The consumer of its pact, where the report names it (failures name it, passes need not). */
  readonly consumer?: string;
  /** The provider states it was verified in (`Given …`), where the report names them. */
  readonly state?: string;
  readonly description: string;
  readonly passed: boolean;
  /** The pact or interaction is pending: its failure does not fail the provider's build. */
  readonly pending: boolean;
  readonly mismatches: readonly InteractionMismatch[];
}

interface VerifierMismatch {
  type?: string;
  path?: string;
  key?: string;
  mismatch?: string;
  expected?: unknown;
  actual?: unknown;
}

interface VerifierError {
  interaction?: string;
  mismatch?: { type?: string; message?: string; mismatches?: VerifierMismatch[] };
}

interface VerifierJson {
  output?: string[];
  errors?: VerifierError[];
  pendingErrors?: VerifierError[];
  interactionResults?: { description?: string; result?: string; pending?: boolean }[];
}

/** The JSON report of a verifier run (what pact-js resolves with, or the message it rejects with). */
export function parseVerifierReport(text: string): VerifierJson | undefined {
  try {
    const report = JSON.parse(text) as unknown;
    return report !== null && typeof report === 'object' ? (report as VerifierJson) : undefined;
  } catch {
    return undefined;
  }
}

/** The mismatches of one reported error, one line each, secrets redacted. */
export function mismatchesOfError(error: VerifierError): InteractionMismatch[] {
  const detail = error.mismatch;
  if (detail?.mismatches?.length) {
    return detail.mismatches.map((item) => ({
      path: item.path ?? item.key ?? item.type ?? 'response',
      problem: redactText(
        item.mismatch ?? `expected ${JSON.stringify(item.expected)}, got ${JSON.stringify(item.actual)}`,
      ),
    }));
  }
  return [
    { path: detail?.type ?? 'verification', problem: redactText(detail?.message ?? JSON.stringify(error)) },
  ];
}

/** The consumer of each interaction the run's output lists under `Verifying a pact between <consumer> and …`. */
function consumersInOutput(output: readonly string[]): Map<string, string> {
  const consumers = new Map<string, string>();
  let consumer: string | undefined;
  // The verifier colours its output with ANSI escapes.
  for (const text of output.flatMap((chunk) => stripVTControlCharacters(chunk).split('\n'))) {
    const pair = /^\s*Verifying a pact between (.+?) and (.+)$/.exec(text);
    if (pair) consumer = pair[1];
    const interaction = /^ {2}(\S.*?) \(.*loading, .*verification\)$/.exec(text);
    if (interaction?.[1] && consumer) consumers.set(interaction[1], consumer);
  }
  return consumers;
}

/** `Verifying a pact between <consumer> and <provider>[ Given <states>] - <description>` */
const ERROR_KEY = /^Verifying a pact between (.+?) and (.+?)(?: Given (.+?))? - (.+)$/s;

/**
 * Every interaction a verifier run reports: the failures from `errors` and `pendingErrors` (pending ones
 * marked), the passes from `interactionResults`.
 */
export function verifiedInteractions(report: VerifierJson): VerifiedInteraction[] {
  const failed = (error: VerifierError, pending: boolean): VerifiedInteraction => {
    const key = ERROR_KEY.exec(error.interaction ?? '');
    return {
      ...(key?.[1] ? { consumer: key[1] } : {}),
      ...(key?.[3] ? { state: key[3] } : {}),
      description: key?.[4] ?? error.interaction ?? 'an interaction',
      passed: false,
      pending,
      mismatches: mismatchesOfError(error),
    };
  };
  const failures = [
    ...(report.errors ?? []).map((error) => failed(error, false)),
    ...(report.pendingErrors ?? []).map((error) => failed(error, true)),
  ];
  const failedDescriptions = new Set(failures.map((failure) => failure.description));
  const consumers = consumersInOutput(report.output ?? []);
  const passes = (report.interactionResults ?? [])
    .filter((result) => result.description && !failedDescriptions.has(result.description))
    .filter((result) => result.result === undefined || /^(ok|success|passed)$/i.test(result.result))
    .map((result): VerifiedInteraction => {
      const description = result.description ?? '';
      const consumer = consumers.get(description);
      return {
        ...(consumer ? { consumer } : {}),
        description,
        passed: true,
        pending: result.pending ?? false,
        mismatches: [],
      };
    });
  return [...failures, ...passes];
}
