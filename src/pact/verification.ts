import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { VerifierOptions } from '@pact-foundation/pact';
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

/**
 * Why the verifier is given `providerStatesSetupUrl`, which pact-js deprecates in favour of its own state
 * handlers: said once per run (`NOTICE_ANNOTATION`) instead of pact-js's warning for every verifier.
 */
export const STATE_SETUP_URL_NOTICE = prefixed(
  "pact-js deprecates providerStatesSetupUrl; the provider verification keeps it on purpose: pact-js's own state " +
    'handlers catch a failing handler and answer HTTP 200, so an interaction whose provider state could not be ' +
    'set up would be verified against nothing (https://github.com/pact-foundation/pact-js/issues/631, ' +
    'https://github.com/pact-foundation/pact-js/pull/1585). src/pact/state-server.ts answers such a setup with ' +
    'HTTP 422 and its cause instead.',
);

/**
 * Verifies with pact-js, provider states set up through `stateSetupUrl` (src/pact/state-server.ts); answers the
 * verifier's report. pact-js warns about `providerStatesSetupUrl` when a verifier is constructed with it, once
 * per verifier (57 times a gate); it reads the option only once verifying, from the options object it keeps, so
 * it is set there after construction and the reason is given once, in `STATE_SETUP_URL_NOTICE`. Were pact-js to
 * stop reading it there, the states would not be set up and every interaction with one would fail
 * (test/pact/honest-verification.spec.ts). pact-js is loaded here, when a verification runs: a Playwright run
 * loads every spec file before its first test, and pact-js would add half a second to that.
 */
async function verifyWithStateUrl(options: VerifierOptions, stateSetupUrl: string): Promise<string> {
  const { Verifier } = await import('@pact-foundation/pact');
  const verifier = new Verifier(options);
  options.providerStatesSetupUrl = stateSetupUrl;
  return verifier.verifyProvider();
}

/**
 * Writes what the verifier printed (its report's `output`: the pacts, interactions and mismatches it went
 * through) to `logFile`, colours stripped and secrets redacted; answers the file, or undefined without one.
 */
function writeVerifierOutput(logFile: string | undefined, report: string): string | undefined {
  if (!logFile) return undefined;
  const output = parseVerifierReport(report)?.output ?? [report];
  mkdirSync(path.dirname(logFile), { recursive: true });
  writeFileSync(logFile, `${redactText(stripVTControlCharacters(output.join('\n'))).trim()}\n`);
  return logFile;
}

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
  /** Where the verifier's own output went (`logFile`). */
  readonly log?: string;
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
  /**
   * Where the verifier's output goes (under reports/logs/), rather than between the test runner's progress
   * lines: the native verifier prints it to the worker's stdout, which the runner keeps quiet.
   */
  readonly logFile?: string;
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
  let report = '';
  try {
    report = await verifyWithStateUrl(
      {
        providerBaseUrl: options.providerBaseUrl,
        pactUrls: [file],
        requestFilter: authenticatingFilter(states),
        timeout: options.requestTimeoutMs,
        logLevel: options.logLevel,
        failIfNoPactsFound: true,
      },
      stateServer.url,
    );
  } catch (error) {
    failure = error;
    report = error instanceof Error ? error.message : String(error);
  } finally {
    await states.tearDown();
    await stateServer.close();
  }
  const durationMs = performance.now() - started;
  const log = writeVerifierOutput(options.logFile, report);
  const logged = log ? { log } : {};
  const failures = stateServer.takeFailures();
  const unavailable = failures.find((stateFailure) => stateFailure.capability)?.capability;
  if (unavailable) {
    return { description, status: 'skipped', reason: unavailable, mismatches: [], durationMs, ...logged };
  }
  const stateFailures = failures.map(
    (stateFailure): InteractionMismatch => ({
      path: 'provider state',
      problem: describeFailure(stateFailure),
    }),
  );
  if (failure === undefined && stateFailures.length === 0) {
    return { description, status: 'passed', mismatches: [], durationMs, ...logged };
  }
  return {
    description,
    status: 'failed',
    mismatches: [...stateFailures, ...(failure === undefined ? [] : mismatchesOf(failure))],
    durationMs,
    ...logged,
  };
}

/** Where a run of many interactions takes its pacts from, and what it publishes: pact-js verifier options. */
export type PactSource = Omit<
  VerifierOptions,
  'providerBaseUrl' | 'providerStatesSetupUrl' | 'stateHandlers' | 'requestFilter' | 'timeout' | 'logLevel'
>;

export interface VerifyPactsOptions
  extends Pick<VerifyInteractionOptions, 'providerBaseUrl' | 'states' | 'logLevel' | 'logFile'> {
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
  /** Where the verifier's own output went (`logFile`). */
  readonly log?: string;
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
    report = await verifyWithStateUrl(
      {
        ...options.source,
        providerBaseUrl: options.providerBaseUrl,
        requestFilter: authenticatingFilter(states),
        timeout: options.requestTimeoutMs,
        logLevel: options.logLevel,
      },
      stateServer.url,
    );
  } catch (error) {
    report = error instanceof Error ? error.message : String(error);
  } finally {
    await states.tearDown();
    await stateServer.close();
  }
  const durationMs = performance.now() - started;
  const log = writeVerifierOutput(options.logFile, report);
  const logged = log ? { log } : {};
  const parsed = parseVerifierReport(report);
  const verified = parsed ? verifiedInteractions(parsed) : [];
  if (verified.length === 0) {
    return {
      interactions: [],
      problem: redactText(report.trim() || 'the verifier reported nothing'),
      durationMs,
      ...logged,
    };
  }
  const failures = stateServer.takeFailures();
  return {
    interactions: verified.map((interaction) => verdictOf(interaction, failures)),
    durationMs,
    ...logged,
  };
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
      ...(verification.log ? { log: verification.log } : {}),
    };
  }
  return {
    description,
    status: verdict.status,
    mismatches: verdict.mismatches,
    ...(verdict.reason ? { reason: verdict.reason } : {}),
    durationMs: verification.durationMs,
    ...(verification.log ? { log: verification.log } : {}),
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

/** The failure message of one interaction's test, ending with where the verifier's output is. */
export function formatMismatches(outcome: VerificationOutcome, providerBaseUrl: string): string {
  const host = new URL(providerBaseUrl).host;
  return [
    prefixed(`the provider at ${host} does not honour the interaction "${outcome.description}":`),
    ...outcome.mismatches.map((mismatch) => `  ${mismatch.path}: ${mismatch.problem}`),
    ...(outcome.log ? [`  the verifier's output: ${path.relative(process.cwd(), outcome.log)}`] : []),
  ].join('\n');
}
