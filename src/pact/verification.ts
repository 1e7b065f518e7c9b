import path from 'node:path';
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import { prefixed } from '../errors';
import { redactText } from '../redaction/redact';
import type { PactLogLevel } from './config';
import { EXAMPLE } from './examples';
import {
  type PactFile,
  type PactInteraction,
  serialisePact,
  singleInteractionPact,
  writeFileAtomically,
} from './pact-file';
import type { ProviderStates } from './provider-states';
import { describeFailure, type StateFailure, startStateServer } from './state-server';
import {
  type InteractionMismatch,
  mismatchesOfError,
  parseVerifierReport,
  type VerifiedInteraction,
  verifiedInteractions,
} from './verifier-report';

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
        const token = authorization.includes(EXAMPLE.idToken) ? (user.idToken ?? '') : user.accessToken;
        request.headers.authorization = /^bearer\s/i.test(authorization) ? `Bearer ${token}` : token;
      }
      for (const name of APP_ID_HEADERS) {
        if (request.headers[name] !== undefined) request.headers[name] = user.appId;
      }
    }
    next();
  };
}

export interface VerificationOutcome {
  readonly description: string;
  /** `skipped`: a provider state needs what the environment cannot give it (`reason` names it). */
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly mismatches: readonly InteractionMismatch[];
  /** Why the interaction was skipped. */
  readonly reason?: string;
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
  /**
   * How long the verifier waits for any one request, a provider state's setup included (which may wait an
   * enrollment token's lifetime out on a real environment): the environment's `timing.stateSetupMs`.
   */
  readonly requestTimeoutMs: number;
}

/** An interaction that sends the sign-in's id_token: the request filter needs the user's own. */
function sendsIdToken(interaction: PactInteraction): boolean {
  return JSON.stringify((interaction as { request?: unknown }).request ?? {}).includes(EXAMPLE.idToken);
}

const ID_TOKEN =
  "the sign-in's id_token: let the designated users sign in with GENAUTH_ACCOUNT and GENAUTH_PASSWORD (a configured access token comes without one)";

/** What the environment lacks to verify an interaction (a second user, an id_token), if anything: it is skipped. */
export function missingCapabilityOf(
  interaction: PactInteraction,
  states: Pick<ProviderStates, 'missingCapability' | 'idTokens'>,
): string | undefined {
  return (
    (interaction.providerStates ?? []).map((state) => states.missingCapability(state.name)).find(Boolean) ??
    (sendsIdToken(interaction) && !states.idTokens ? ID_TOKEN : undefined)
  );
}

/**
 * Verifies one interaction on its own: a pact file holding just that interaction goes to the pact-js
 * verifier, so a failure belongs to one test and its mismatches can be reported by name. An interaction
 * whose provider state could not be set up fails, naming the state and the cause; one whose state needs an
 * optional capability the environment lacks (a second user) or a designated user an earlier finding left
 * unusable is skipped, naming it.
 */
export async function verifyInteraction(options: VerifyInteractionOptions): Promise<VerificationOutcome> {
  const { pact, interaction, states } = options;
  const { description } = interaction;
  const lacking = missingCapabilityOf(interaction, states);
  if (lacking) return { description, status: 'skipped', reason: lacking, mismatches: [], durationMs: 0 };

  const file = path.join(options.workDir, 'pact.json');
  await writeFileAtomically(file, serialisePact(singleInteractionPact(pact, interaction)));
  const started = performance.now();
  const stateServer = await startStateServer(states);
  let failure: unknown;
  try {
    await new Verifier({
      providerBaseUrl: options.providerBaseUrl,
      pactUrls: [file],
      providerStatesSetupUrl: stateServer.url,
      requestFilter: authenticatingFilter(states),
      timeout: options.requestTimeoutMs,
      logLevel: options.logLevel,
      failIfNoPactsFound: true,
    }).verifyProvider();
  } catch (error) {
    failure = error;
  } finally {
    await states.tearDown();
    await stateServer.close();
  }
  const durationMs = performance.now() - started;
  const failures = stateServer.takeFailures();
  const unavailable = failures.find((stateFailure) => stateFailure.capability)?.capability;
  if (unavailable) return { description, status: 'skipped', reason: unavailable, mismatches: [], durationMs };
  const stateFailures = failures.map(
    (stateFailure): InteractionMismatch => ({
      path: 'provider state',
      problem: describeFailure(stateFailure),
    }),
  );
  if (failure === undefined && stateFailures.length === 0) {
    return { description, status: 'passed', mismatches: [], durationMs };
  }
  return {
    description,
    status: 'failed',
    mismatches: [...stateFailures, ...(failure === undefined ? [] : mismatchesOf(failure))],
    durationMs,
  };
}

/** Where a run of many interactions takes its pacts from, and what it publishes: pact-js verifier options. */
export type PactSource = Omit<
  VerifierOptions,
  'providerBaseUrl' | 'providerStatesSetupUrl' | 'stateHandlers' | 'requestFilter' | 'timeout' | 'logLevel'
>;

export interface VerifyPactsOptions
  extends Pick<VerifyInteractionOptions, 'providerBaseUrl' | 'states' | 'logLevel'> {
  readonly source: PactSource;
  /** As for one interaction, plus the wait for a designated user: states acquire theirs inside the run. */
  readonly requestTimeoutMs: number;
}

/** One interaction of a run of many, with what its provider state made of it. */
export interface InteractionVerdict extends VerifiedInteraction {
  readonly status: 'passed' | 'failed' | 'skipped';
  /** Why it was skipped: the capability its provider state needs. */
  readonly reason?: string;
}

export interface PactsVerification {
  readonly interactions: readonly InteractionVerdict[];
  /** Why the run reported no interaction at all (the broker unreachable, no pact found, …). */
  readonly problem?: string;
  readonly durationMs: number;
}

/**
 * Verifies the pacts of `source` in one verifier run (the pacts a broker selects, or the one `PACT_URL`
 * names): the broker takes one verification result per pact version, so these cannot be verified one
 * interaction at a time. Every interaction is reported from the verifier's JSON report; an interaction
 * whose provider state failed is failed with the state's cause, or skipped where the state lacked an
 * optional capability.
 */
export async function verifyPacts(options: VerifyPactsOptions): Promise<PactsVerification> {
  const { states } = options;
  const started = performance.now();
  const stateServer = await startStateServer(states);
  let report: string;
  try {
    report = await new Verifier({
      ...options.source,
      providerBaseUrl: options.providerBaseUrl,
      providerStatesSetupUrl: stateServer.url,
      requestFilter: authenticatingFilter(states),
      timeout: options.requestTimeoutMs,
      logLevel: options.logLevel,
    }).verifyProvider();
  } catch (error) {
    report = error instanceof Error ? error.message : String(error);
  } finally {
    await states.tearDown();
    await stateServer.close();
  }
  const durationMs = performance.now() - started;
  const parsed = parseVerifierReport(report);
  const verified = parsed ? verifiedInteractions(parsed) : [];
  if (verified.length === 0) {
    return {
      interactions: [],
      problem: redactText(report.trim() || 'the verifier reported nothing'),
      durationMs,
    };
  }
  const failures = stateServer.takeFailures();
  return { interactions: verified.map((interaction) => verdictOf(interaction, failures)), durationMs };
}

export interface VerifyWholePactOptions extends Omit<VerifyInteractionOptions, 'interaction'> {}

/**
 * Verifies every interaction of one pact in one verifier run, as a broker's selection is verified: the
 * verifier and its request-filter proxy start once for the pact instead of once per interaction. Each
 * interaction's verdict is then read with `outcomeOf`.
 */
export async function verifyWholePact(options: VerifyWholePactOptions): Promise<PactsVerification> {
  const file = path.join(options.workDir, 'pact.json');
  await writeFileAtomically(file, serialisePact(options.pact));
  return verifyPacts({ ...options, source: { pactUrls: [file], failIfNoPactsFound: true } });
}

/** One interaction's outcome in a run of a whole pact; one the run did not report failed, naming why. */
export function outcomeOf(
  verification: PactsVerification,
  interaction: PactInteraction,
): VerificationOutcome {
  const { description } = interaction;
  const verdict = verification.interactions.find((candidate) => candidate.description === description);
  if (!verdict) {
    const problem = verification.problem ?? 'the verifier did not report this interaction';
    return {
      description,
      status: 'failed',
      mismatches: [{ path: 'verification', problem }],
      durationMs: verification.durationMs,
    };
  }
  return {
    description,
    status: verdict.status,
    mismatches: verdict.mismatches,
    ...(verdict.reason ? { reason: verdict.reason } : {}),
    durationMs: verification.durationMs,
  };
}

/** An interaction's verdict: a failed provider state names its cause, or skips it for a missing capability. */
function verdictOf(interaction: VerifiedInteraction, failures: readonly StateFailure[]): InteractionVerdict {
  if (interaction.passed) return { ...interaction, status: 'passed' };
  const ofItsState = failures.filter((failure) => interaction.state?.includes(failure.state));
  const capability = ofItsState.find((failure) => failure.capability)?.capability;
  if (capability) return { ...interaction, status: 'skipped', reason: capability };
  const stateMismatches = ofItsState.map(
    (failure): InteractionMismatch => ({ path: 'provider state', problem: describeFailure(failure) }),
  );
  return { ...interaction, status: 'failed', mismatches: [...stateMismatches, ...interaction.mismatches] };
}

/** The mismatches in the verifier's JSON report (the message of the error pact-js rejects with). */
export function mismatchesOf(failure: unknown): InteractionMismatch[] {
  const message = failure instanceof Error ? failure.message : String(failure);
  const mismatches = parseVerifierReport(message)?.errors?.flatMap(mismatchesOfError) ?? [];
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
