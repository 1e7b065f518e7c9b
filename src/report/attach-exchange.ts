import { type TestInfo, test } from '@playwright/test';
import type { Exchange } from '../client';
import { redactBody, redactHeaders, redactText } from '../redaction/redact';

export interface DescribedExchange {
  /** e.g. `enrollFactor: POST /api/v3/enroll-factor → 200 (12 ms)`. */
  readonly title: string;
  /**
   * Redacted, pretty-printed JSON of the request (method, URL, headers, body) and the response (status,
   * headers, body).
   */
  readonly exchange: string;
}

/** The redacted, human-readable form of one API exchange. Pure: no Allure, no Playwright. */
export function describeExchange({ operation, request, response, durationMs }: Exchange): DescribedExchange {
  const url = new URL(request.url);
  const target = redactText(`${url.pathname}${url.search}`);
  return {
    title: `${operation}: ${request.method} ${target} → ${response.status} (${Math.round(durationMs)} ms)`,
    exchange: JSON.stringify(
      {
        request: {
          method: request.method,
          url: redactText(request.url),
          headers: redactHeaders(request.headers),
          body: parsedOrText(request.body),
        },
        response: {
          status: response.status,
          headers: redactHeaders(response.headers),
          body: parsedOrText(response.text),
        },
      },
      null,
      2,
    ),
  };
}

function parsedOrText(body: string | undefined): unknown {
  const redacted = redactBody(body);
  try {
    return JSON.parse(redacted) as unknown;
  } catch {
    return redacted;
  }
}

/** The running test, or undefined outside one (worker fixtures, global setup, a plain script). */
export function currentTest(): TestInfo | undefined {
  try {
    return test.info();
  } catch {
    return undefined;
  }
}

/**
 * Records an exchange as a Playwright step with the redacted request and response attached as one
 * `exchange` attachment. Plain Playwright steps and attachments, not Allure runtime messages, none
 * base64-encoded twice; one attachment rather than two halves the files a run writes and Allure reads.
 * Fits the client's `onExchange` hook as is. Outside a test (worker fixtures, global setup) there is no
 * report to write into, so it does nothing.
 */
export async function attachExchange(exchange: Exchange): Promise<void> {
  const testInfo = currentTest();
  if (!testInfo) return;
  const described = describeExchange(exchange);
  // A location given is a stack not captured: hundreds of exchanges then cost no stack traces for steps.
  const location = { file: testInfo.file, line: testInfo.line, column: testInfo.column };
  await test.step(
    described.title,
    () => testInfo.attach('exchange', { body: described.exchange, contentType: 'application/json' }),
    { location },
  );
}
