import type { APIRequestContext } from '@playwright/test';
import { TransportError } from './errors';
import type { Transport } from './transport';

export interface PlaywrightTransportOptions {
  /** Per-request timeout in milliseconds. Default 15 000. */
  readonly timeoutMs?: number;
}

/** Sends the client's requests through Playwright's `APIRequestContext`, so they show in traces. */
export function playwrightTransport(
  request: APIRequestContext,
  { timeoutMs = 15_000 }: PlaywrightTransportOptions = {},
): Transport {
  return async (httpRequest) => {
    try {
      const response = await request.fetch(httpRequest.url, {
        method: httpRequest.method,
        headers: { ...httpRequest.headers },
        // A Buffer is sent verbatim; a string would be re-encoded as JSON when it does not parse.
        data: httpRequest.body === undefined ? undefined : Buffer.from(httpRequest.body),
        timeout: timeoutMs,
        failOnStatusCode: false,
        maxRedirects: 0,
      });
      return { status: response.status(), headers: response.headers(), text: await response.text() };
    } catch (error) {
      if (error instanceof TransportError) throw error;
      const message = (error as Error)?.message ?? '';
      const timedOut = /timeout/i.test(message);
      throw TransportError.fromNetworkFailure(
        httpRequest,
        timedOut
          ? Object.assign(new Error(message), { name: 'TimeoutError' })
          : { cause: { message: firstLine(message) } },
        timeoutMs,
      );
    }
  };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
