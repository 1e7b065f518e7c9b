import { timingSafeEqual } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import type { FastifyRequest } from 'fastify';
import { HarnessError } from '../../errors';
import { CONTROL_TOKEN_HEADER } from '../control-api';

/** A control request the plane refuses: its HTTP status and what to do about it. */
export class ControlError extends HarnessError {
  override readonly name = 'ControlError';
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);
const JSON_ONLY = /^application\/json\s*(?:;.*)?$/i;

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function isWildcardHost(host: string): boolean {
  return WILDCARD_HOSTS.has(host);
}

/** `host` as it appears in a Host header: lowercase, IPv6 in brackets. */
export function asHostName(host: string): string {
  const lower = host.toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

/** The name and port of a Host header (`name`, `name:port`, `[v6]`, `[v6]:port`); port 80 when absent. */
function parseHostHeader(value: string): { name: string; port: number } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match?.[1]) return undefined;
  return { name: match[1].toLowerCase(), port: match[2] === undefined ? 80 : Number(match[2]) };
}

/** The names this machine answers on when the mock listens on every interface. */
function interfaceNames(): string[] {
  return Object.values(networkInterfaces()).flatMap((addresses) =>
    (addresses ?? []).map((address) => asHostName(address.address)),
  );
}

export interface ControlGuardOptions {
  /** The address the mock listens on (`--host`). */
  readonly host: string;
  /** The port it listens on, known once it listens. */
  readonly port: () => number;
  /** More Host values to accept: `name` (any port) or `name:port` (`--control-hosts`). */
  readonly extraHosts: readonly string[];
  readonly controlToken?: string;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may use the control plane. A web page must not: it could reset the mock, move clocks or read the codes
 * sent. So every control request needs a Host the mock listens on (a DNS-rebinding page sends its own domain)
 * and every POST or PUT a JSON content type (which a browser sends cross-site only after a preflight, and the
 * mock answers no preflight); then the control token, or a loopback caller when there is none.
 */
export function createControlGuard(options: ControlGuardOptions): (request: FastifyRequest) => void {
  const bound = asHostName(options.host);
  const names = new Set([bound]);
  if (isLoopbackHost(options.host) || isWildcardHost(options.host)) {
    for (const name of LOOPBACK_NAMES) names.add(name);
  }
  if (isWildcardHost(options.host)) for (const name of interfaceNames()) names.add(name);
  const extra = new Set(options.extraHosts.map((host) => host.toLowerCase()));

  const hostAllowed = (header: string | undefined): boolean => {
    const parsed = header === undefined ? undefined : parseHostHeader(header);
    if (!parsed) return false;
    if (extra.has(parsed.name) || extra.has(`${parsed.name}:${parsed.port}`)) return true;
    return names.has(parsed.name) && parsed.port === options.port();
  };

  return (request) => {
    if (!hostAllowed(request.headers.host)) {
      throw new ControlError(
        403,
        `control plane refuses Host "${(request.headers.host ?? '').slice(0, 100)}": it answers only the address it listens on ` +
          '(and localhost on loopback). Add the name to MOCK_CONTROL_HOSTS (--control-hosts) to allow it.',
      );
    }
    const changesState = request.method === 'POST' || request.method === 'PUT';
    if (changesState && !JSON_ONLY.test(request.headers['content-type'] ?? '')) {
      throw new ControlError(
        415,
        `control requests that change state must be sent with Content-Type: application/json (got ${(request.headers['content-type'] ?? 'none').slice(0, 100)})`,
      );
    }
    if (options.controlToken) {
      const given = request.headers[CONTROL_TOKEN_HEADER];
      if (typeof given !== 'string' || !sameSecret(given, options.controlToken)) {
        throw new ControlError(401, `control plane needs a valid ${CONTROL_TOKEN_HEADER} header`);
      }
      return;
    }
    if (!LOOPBACK_ADDRESSES.has(request.socket.remoteAddress ?? '')) {
      throw new ControlError(403, 'control plane answers loopback callers only; set MOCK_CONTROL_TOKEN');
    }
  };
}
