import { EnvelopeBaseSchema, OPERATIONS } from '../contract';
import { PREFIX } from '../errors';
import { CONTROL_PREFIX, CONTROL_TOKEN_HEADER, HealthResponseSchema } from '../mock/control-api';
import type { HarnessConfig } from './config';

/** What the preflight found at the target, in one sentence a person can act on. */
export type PreflightResult = { readonly ok: true } | { readonly ok: false; readonly problem: string };

const TIMEOUT_MS = 5_000;

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/**
 * Why no HTTP answer came: nothing listens or answers in time, or something answers that is not HTTP. `code`
 * is the network error's code (ECONNREFUSED, ENOTFOUND, …), or `bad port` where the fetch refused the port.
 */
type NoAnswer = { readonly error: string; readonly code?: string; readonly notHttp: boolean };

/** What undici says of a port the Fetch standard blocks (port 9, 25, 6000, …): it does not even try to connect. */
const BLOCKED_PORT = 'bad port';

async function get(url: string, headers: Record<string, string>): Promise<Answer | NoAnswer> {
  try {
    const response = await fetch(url, {
      headers,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'manual',
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? 'no content-type',
      text: await response.text(),
    };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      return { error: `no answer within ${TIMEOUT_MS} ms`, notHttp: false };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    // undici's HTTP parser errors: a server answered, in another protocol (SSH, a database, TLS, …).
    if (cause?.code?.startsWith('HPE_')) return { error: cause.message ?? cause.code, notHttp: true };
    const code = cause?.code ?? (cause?.message === BLOCKED_PORT ? BLOCKED_PORT : undefined);
    return { error: cause?.code ?? cause?.message ?? (error as Error).message, code, notHttp: false };
  }
}

/** What to tell a person whose target gave no answer: how to start it, and where it usually listens. */
interface NoAnswerHints {
  /** What brings the target up, e.g. start the mock. */
  readonly start: string;
  /** Which port to use instead of a blocked one. */
  readonly port: string;
}

const TLS_ERROR = /^(CERT_|ERR_SSL_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT)/;

/** The port a URL connects to: its own, or its scheme's. */
function portOf(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/** The problem of a target that gave no HTTP answer, in words a person can act on. */
function noAnswerProblem(baseUrl: string, answer: NoAnswer, hints: NoAnswerHints): string {
  if (answer.notHttp) {
    return `answers, but not in HTTP (${answer.error}): is it the port of another service? ${hints.start}`;
  }
  const url = new URL(baseUrl);
  const where = `${url.hostname}:${portOf(url)}`;
  const code = answer.code ?? '';
  if (code === BLOCKED_PORT) {
    return (
      `uses port ${portOf(url)}, which Node.js (like every browser) refuses to connect to: the Fetch standard ` +
      `blocks it as the port of another protocol, so no request was sent. ${hints.port}`
    );
  }
  const reason: string | undefined = {
    ECONNREFUSED: `nothing listens on ${where} (ECONNREFUSED). ${hints.start}`,
    ENOTFOUND: `the host ${url.hostname} is not found (ENOTFOUND). Check the host name.`,
    EAI_AGAIN: `the host ${url.hostname} could not be looked up (EAI_AGAIN): is DNS reachable from here?`,
    EHOSTUNREACH: `${where} is out of this machine's reach (EHOSTUNREACH): a network, VPN or firewall is in the way.`,
    ENETUNREACH: `${where} is out of this machine's reach (ENETUNREACH): a network, VPN or firewall is in the way.`,
    ETIMEDOUT: `${where} did not accept the connection in time (ETIMEDOUT): a network, VPN or firewall is in the way.`,
    ECONNRESET: `${where} closed the connection without answering (ECONNRESET). Is it the port of another service, or HTTPS given as http://?`,
  }[code];
  if (reason) return `cannot be reached: ${reason}`;
  if (TLS_ERROR.test(code)) {
    return (
      `cannot be reached: the TLS connection to ${where} failed (${code}). Is the scheme right (http:// or ` +
      'https://), and the certificate one this machine trusts?'
    );
  }
  return `cannot be reached (${answer.error}). ${hints.start}`;
}

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function summarise(answer: Answer): string {
  const snippet = answer.text.replace(/\s+/g, ' ').trim().slice(0, 60);
  return `HTTP ${answer.status} (${answer.contentType}${snippet ? `: "${snippet}"` : ''})`;
}

/**
 * Checks, once before any test runs, that `GENAUTH_BASE_URL` is what the configuration says it is: reachable,
 * speaking HTTP, and the mock's control plane (`TARGET_ENV=mock`) or a GenAuth API answering envelopes
 * (a real target). A wrong target then stops the run with one message instead of one failure per test.
 */
export async function preflight(config: HarnessConfig, baseUrl: string): Promise<PreflightResult> {
  const fail = (problem: string): PreflightResult => ({
    ok: false,
    problem: `environment unavailable: GENAUTH_BASE_URL=${baseUrl} ${problem}`,
  });
  if (config.kind === 'mock') {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (config.mockControlToken) headers[CONTROL_TOKEN_HEADER] = config.mockControlToken;
    const answer = await get(`${baseUrl}${CONTROL_PREFIX}/health`, headers);
    if ('error' in answer) {
      return fail(
        noAnswerProblem(baseUrl, answer, {
          start: 'Start the mock (npm run mock) or unset GENAUTH_BASE_URL to use the embedded one.',
          port:
            'Start the mock on another port (npm run mock listens on 4010, or npm run mock -- --port <port>) ' +
            'and point GENAUTH_BASE_URL at it, or unset GENAUTH_BASE_URL to use the embedded one.',
        }),
      );
    }
    if (answer.status === 401 || answer.status === 403) {
      // The mock says why (token, caller, Host) and what to do; pass that on rather than guess.
      const reason = (jsonOf(answer.text) as { message?: unknown } | undefined)?.message;
      return fail(
        typeof reason === 'string'
          ? `refused the control plane (HTTP ${answer.status}): ${reason.replace(`${PREFIX} `, '')}`
          : `refused the control plane with ${summarise(answer)}: set MOCK_CONTROL_TOKEN to the mock's control token.`,
      );
    }
    if (!HealthResponseSchema.safeParse(jsonOf(answer.text)).success) {
      return fail(
        `is not the GenAuth mock: ${CONTROL_PREFIX}/health answered ${summarise(answer)}. ` +
          'TARGET_ENV=mock needs the mock with its control plane; for a real environment set TARGET_ENV to its name.',
      );
    }
    return { ok: true };
  }
  const probe = OPERATIONS.listFactorsToEnroll.path;
  const answer = await get(`${baseUrl}${probe}`, { accept: 'application/json' });
  if ('error' in answer) {
    return fail(
      noAnswerProblem(baseUrl, answer, {
        start: 'Is the environment up and the URL right?',
        port:
          'Use the port the environment serves its API on: for a hosted GenAuth (https://<app>.genauth.ai) leave ' +
          'the port out, HTTPS listens on 443.',
      }),
    );
  }
  if (answer.status >= 500)
    return fail(`answered ${summarise(answer)} to GET ${probe}: the environment is down.`);
  if (!EnvelopeBaseSchema.safeParse(jsonOf(answer.text)).success) {
    return fail(
      `is not a GenAuth API: GET ${probe} answered ${summarise(answer)}, not a JSON envelope with statusCode and message. ` +
        'Set it to the application domain, e.g. https://example.genauth.ai.',
    );
  }
  return { ok: true };
}
