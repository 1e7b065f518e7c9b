import { TransportError } from './errors';
import type { HttpRequest, HttpResponse } from './http';

/** Sends one HTTP request. Must throw `TransportError` when no HTTP answer arrives. */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

export interface FetchTransportOptions {
  /** Abort a request that has not answered after this many milliseconds. Default 15 000. */
  readonly timeoutMs?: number;
}

/** The default transport: Node's global `fetch`. */
export function fetchTransport({ timeoutMs = 15_000 }: FetchTransportOptions = {}): Transport {
  return async (request) => {
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw TransportError.fromNetworkFailure(request, error, timeoutMs);
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw TransportError.fromNetworkFailure(request, error, timeoutMs);
    }
    return { status: response.status, headers, text };
  };
}
