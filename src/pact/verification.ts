import path from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import { prefixed } from '../errors';
import { redactText } from '../report/redact';
import type { BrokerVerifierOptions } from './broker';
import type { PactLogLevel } from './config';
import {
  type PactFile,
  type PactInteraction,
  serialisePact,
  singleInteractionPact,
  writeFileAtomically,
} from './pact-file';
import type { ProviderStates } from './provider-states';

// The pact core reports anonymous usage statistics unless told not to; a test run has no business doing that.
process.env.PACT_DO_NOT_TRACK ??= 'true';

/** The Node request pact-js's proxy hands to a request filter (an Express request). */
export interface FilteredRequest {
  headers: Record<string, string | string[] | undefined>;
}
export type RequestFilter = (request: FilteredRequest, response: unknown, next: () => void) => void;

const APP_ID_HEADERS = ['x-authing-app-id', 'x-genauth-app-id'] as const;

/**
 * Puts the active state's user in place of the pact's placeholder credentials: a fresh access token in the
 * form the pact sends it (`Bearer <token>` or bare) and that user's app id under whichever app-id header
 * the pact uses. A request the pact sends without a token stays without one.
 */
export function authenticatingFilter(states: Pick<ProviderStates, 'active'>): RequestFilter {
  return (request, _response, next) => {
    const user = states.active?.user;
    if (user) {
      const authorization = request.headers.authorization;
      if (typeof authorization === 'string') {
        request.headers.authorization = /^bearer\s/i.test(authorization)
          ? `Bearer ${user.accessToken}`
          : user.accessToken;
      }
      for (const name of APP_ID_HEADERS) {
        if (request.headers[name] !== undefined) request.headers[name] = user.appId;
      }
    }
    next();
  };
}

export interface InteractionMismatch {
  /** Where: `$.statusCode`, a header name, `status`, or the state change. */
  readonly path: string;
  readonly problem: string;
}

export interface VerificationOutcome {
  readonly description: string;
  readonly passed: boolean;
  readonly mismatches: readonly InteractionMismatch[];
  readonly durationMs: number;
}

export interface VerifyInteractionOptions {
  readonly pact: PactFile;
  readonly interaction: PactInteraction;
  readonly providerBaseUrl: string;
  readonly states: ProviderStates;
  /** Where the one-interaction pact file is written. */
  readonly workDir: string;
  readonly logLevel: PactLogLevel;
}

/**
 * Verifies one interaction on its own: a pact file holding just that interaction goes to the pact-js
 * verifier, so a failure belongs to one test and its mismatches can be reported by name.
 */
export async function verifyInteraction(options: VerifyInteractionOptions): Promise<VerificationOutcome> {
  const { pact, interaction, states } = options;
  const file = path.join(options.workDir, 'pact.json');
  await writeFileAtomically(file, serialisePact(singleInteractionPact(pact, interaction)));
  const started = performance.now();
  let failure: unknown;
  try {
    await new Verifier({
      providerBaseUrl: options.providerBaseUrl,
      pactUrls: [file],
      stateHandlers: states.handlers() as never,
      requestFilter: authenticatingFilter(states) as never,
      logLevel: options.logLevel,
      failIfNoPactsFound: true,
    }).verifyProvider();
  } catch (error) {
    failure = error;
  } finally {
    await states.tearDown();
  }
  const durationMs = performance.now() - started;
  if (failure === undefined)
    return { description: interaction.description, passed: true, mismatches: [], durationMs };
  return {
    description: interaction.description,
    passed: false,
    mismatches: mismatchesOf(failure),
    durationMs,
  };
}

export interface VerifyFromBrokerOptions {
  readonly verifierOptions: BrokerVerifierOptions;
  readonly providerBaseUrl: string;
  readonly states: ProviderStates;
  readonly logLevel: PactLogLevel;
}

/**
 * Verifies every pact the broker selects in one verifier run: the broker takes one verification result
 * per pact version, so the interactions cannot be published as separate runs.
 */
export async function verifyFromBroker(options: VerifyFromBrokerOptions): Promise<VerificationOutcome> {
  const { states } = options;
  const started = performance.now();
  let failure: unknown;
  try {
    await new Verifier({
      ...options.verifierOptions,
      providerBaseUrl: options.providerBaseUrl,
      stateHandlers: states.handlers() as never,
      requestFilter: authenticatingFilter(states) as never,
      logLevel: options.logLevel,
    }).verifyProvider();
  } catch (error) {
    failure = error;
  } finally {
    await states.tearDown();
  }
  const description = `the pacts the broker selects for ${options.verifierOptions.provider}`;
  const durationMs = performance.now() - started;
  const stateFailures = states
    .takeFailures()
    .map((problem) => ({ path: 'provider state', problem: redactText(problem) }));
  if (failure === undefined) return { description, passed: true, mismatches: [], durationMs };
  return {
    description,
    passed: false,
    mismatches: [...stateFailures, ...mismatchesOf(failure, { named: true })],
    durationMs,
  };
}

interface VerifierMismatch {
  type?: string;
  path?: string;
  key?: string;
  mismatch?: string;
  expected?: unknown;
  actual?: unknown;
}

interface VerifierJson {
  errors?: {
    interaction?: string;
    mismatch?: { type?: string; message?: string; mismatches?: VerifierMismatch[] };
  }[];
}

/**
 * The mismatches in the verifier's JSON report (the message of the error pact-js rejects with); `named`
 * prefixes each with its interaction, for runs that verify many.
 */
export function mismatchesOf(failure: unknown, { named = false } = {}): InteractionMismatch[] {
  const message = failure instanceof Error ? failure.message : String(failure);
  let report: VerifierJson;
  try {
    report = JSON.parse(message) as VerifierJson;
  } catch {
    return [{ path: 'verification', problem: redactText(message) }];
  }
  const mismatches: InteractionMismatch[] = [];
  for (const error of report.errors ?? []) {
    const detail = error.mismatch;
    const prefix = named && error.interaction ? `${error.interaction}: ` : '';
    if (detail?.mismatches?.length) {
      for (const item of detail.mismatches) {
        mismatches.push({
          path: `${prefix}${item.path ?? item.key ?? item.type ?? 'response'}`,
          problem: redactText(
            item.mismatch ?? `expected ${JSON.stringify(item.expected)}, got ${JSON.stringify(item.actual)}`,
          ),
        });
      }
    } else {
      mismatches.push({
        path: detail?.type ?? 'verification',
        problem: redactText(detail?.message ?? JSON.stringify(error)),
      });
    }
  }
  return mismatches.length > 0 ? mismatches : [{ path: 'verification', problem: redactText(message) }];
}

/** The failure message of one interaction's test. */
export function formatMismatches(outcome: VerificationOutcome, providerBaseUrl: string): string {
  const host = new URL(providerBaseUrl).host;
  return [
    prefixed(`the provider at ${host} does not honour the interaction "${outcome.description}":`),
    ...outcome.mismatches.map((mismatch) => `  ${mismatch.path}: ${mismatch.problem}`),
  ].join('\n');
}
