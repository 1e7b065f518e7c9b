import { readVariables } from '../config/schema';
import { TransportError } from './errors';
import type { HttpRequest, HttpResponse } from './http';
import type { Transport } from './transport';

export interface ResilientTransportOptions {
  /** Retries after the first attempt. Default: `HARNESS_TRANSPORT_RETRIES`, else 0 (off). */
  readonly retries?: number;
  /** First back-off delay, doubled on each retry. Default 1 000 ms. */
  readonly baseDelayMs?: number;
  /** Longest wait, `Retry-After` included. Default 30 000 ms. */
  readonly maxDelayMs?: number;
  /** Called before each retry (the report shows it). */
  readonly onRetry?: (event: {
    request: HttpRequest;
    attempt: number;
    reason: string;
    delayMs: number;
  }) => void;
  readonly sleep?: (ms: number) => Promise<void>;
}

const RETRIABLE_STATUS = new Set([429, 502, 503, 504]);

/** Milliseconds to wait according to a `Retry-After` header (seconds or an HTTP date). */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Retries what the environment caused, never what the provider decided: connection failures, 429 and
 * 502/503/504 (honouring `Retry-After`), and timeouts of GET requests. A POST that timed out may have been
 * processed, so it is not sent again; any other answer, 500 included, is returned as is for the client
 * to judge.
 */
export function resilientTransport(inner: Transport, options: ResilientTransportOptions = {}): Transport {
  const retries =
    options.retries ?? readVariables(process.env, ['HARNESS_TRANSPORT_RETRIES']).HARNESS_TRANSPORT_RETRIES;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  if (retries <= 0) return inner;

  return async (request) => {
    for (let attempt = 1; ; attempt += 1) {
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      let response: HttpResponse;
      try {
        response = await inner(request);
      } catch (error) {
        const retriable =
          error instanceof TransportError &&
          (error.failure === 'connection' || (error.failure === 'timeout' && request.method === 'GET'));
        if (!retriable || attempt > retries) throw error;
        options.onRetry?.({ request, attempt, reason: error.failure, delayMs: backoff });
        await sleep(backoff);
        continue;
      }
      if (!RETRIABLE_STATUS.has(response.status) || attempt > retries) return response;
      const delayMs = Math.min(maxDelayMs, retryAfterMs(response.headers['retry-after']) ?? backoff);
      options.onRetry?.({ request, attempt, reason: `HTTP ${response.status}`, delayMs });
      await sleep(delayMs);
    }
  };
}
