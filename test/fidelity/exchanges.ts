import type { Exchange } from '../../src/client';
import { ERROR_CATALOG, type ErrorScenario, OPERATIONS, type OperationName } from '../../src/contract';
import { type Recording, recordingOf, type TestExchange } from '../../src/fidelity/recording';
import { exchangeShape } from '../../src/fidelity/shape';

/** Made-up exchanges and recordings of them, as the test clients would record them. */

const BASE = 'https://tenant.example.test';

export interface ExchangeOptions {
  readonly status?: number;
  readonly contentType?: string;
  readonly requestBody?: unknown;
  readonly query?: string;
  readonly authorization?: string;
}

/** One exchange of `operation` answered with `body` (an object, or raw text). */
export function exchangeOf(operation: OperationName, body: unknown, options: ExchangeOptions = {}): Exchange {
  const { method, path } = OPERATIONS[operation];
  const headers: Record<string, string> = {
    accept: 'application/json',
    'x-authing-app-id': '6a1c0de5e1f2a3b4c5d6e7f8',
    authorization: options.authorization ?? 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJl',
  };
  if (method === 'POST') headers['content-type'] = 'application/json';
  return {
    operation,
    request: {
      method,
      url: `${BASE}${path}${options.query ? `?${options.query}` : ''}`,
      headers,
      body: method === 'POST' ? JSON.stringify(options.requestBody ?? {}) : undefined,
    },
    response: {
      status: options.status ?? 200,
      headers: { 'content-type': options.contentType ?? 'application/json; charset=utf-8' },
      text: typeof body === 'string' ? body : JSON.stringify(body),
    },
    durationMs: 0,
  };
}

/** A success envelope with `data`, a fresh requestId every time. */
export const success = (data?: unknown) => ({
  statusCode: 200,
  message: 'Operation successful',
  requestId: crypto.randomUUID(),
  ...(data === undefined ? {} : { data }),
});

/** The catalog's answer to `scenario` as the mock sends it, with `changes` over its fields. */
export function failure(scenario: ErrorScenario, changes: Record<string, unknown> = {}) {
  const entry = ERROR_CATALOG[scenario] as {
    statusCode: number;
    message: string;
    apiCode?: number;
    httpStatus: number;
  };
  const body: Record<string, unknown> = { statusCode: entry.statusCode, message: entry.message };
  if (entry.apiCode !== undefined) body.apiCode = entry.apiCode;
  body.requestId = crypto.randomUUID();
  return { status: entry.httpStatus, body: { ...body, ...changes } };
}

/** A recording of tests, each a list of exchanges in the order they were made. */
export function recordingFrom(
  side: string,
  tests: Readonly<Record<string, readonly Exchange[]>>,
  /** Tests whose calls were all sent at once (a burst). */
  bursts: ReadonlySet<string> = new Set(),
): Recording {
  return recordingOf(
    Object.entries(tests).map(([test, exchanges]) => {
      const calls = new Map<OperationName, number>();
      return {
        test,
        testId: `id-${test}`,
        startedAtMs: 1,
        status: 'passed',
        exchanges: exchanges.map((exchange): TestExchange => {
          const n = (calls.get(exchange.operation) ?? 0) + 1;
          calls.set(exchange.operation, n);
          const concurrent = bursts.has(test) ? { concurrent: true as const } : {};
          return { operation: exchange.operation, n, ...exchangeShape(exchange), ...concurrent };
        }),
      };
    }),
    { side, target: side === 'tenant' ? 'staging' : 'clean stand-in' },
  );
}

/** A bound SMS factor as GenAuth describes it, with fresh ids. */
export const smsFactor = (
  profile: Record<string, unknown> = { phoneNumber: '13800138000', phoneCountryCode: '+86' },
) => ({
  factorId: `${crypto.randomUUID().replaceAll('-', '').slice(0, 24)}|phone`,
  factorType: 'SMS',
  profile,
});
