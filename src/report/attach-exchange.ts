import { test } from '@playwright/test';
import { attachment, ContentType, step } from 'allure-js-commons';
import type { Exchange } from '../client';
import { redactBody, redactHeaders, redactText } from './redact';

export interface DescribedExchange {
  /** e.g. `enrollFactor: POST /api/v3/enroll-factor → 200 (12 ms)`. */
  readonly title: string;
  /** Redacted, pretty-printed JSON of method, URL, headers and body. */
  readonly request: string;
  /** Redacted, pretty-printed JSON of status, headers and body. */
  readonly response: string;
}

/** The redacted, human-readable form of one API exchange. Pure: no Allure, no Playwright. */
export function describeExchange({ operation, request, response, durationMs }: Exchange): DescribedExchange {
  const url = new URL(request.url);
  const target = redactText(`${url.pathname}${url.search}`);
  return {
    title: `${operation}: ${request.method} ${target} → ${response.status} (${Math.round(durationMs)} ms)`,
    request: JSON.stringify(
      {
        method: request.method,
        url: redactText(request.url),
        headers: redactHeaders(request.headers),
        body: parsedOrText(request.body),
      },
      null,
      2,
    ),
    response: JSON.stringify(
      {
        status: response.status,
        headers: redactHeaders(response.headers),
        body: parsedOrText(response.text),
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

function insideTest(): boolean {
  try {
    test.info();
    return true;
  } catch {
    return false;
  }
}

/**
 * Records an exchange as an Allure step (a Playwright step too) with the redacted request and response
 * attached. Fits the client's `onExchange` hook as is. Outside a test (worker fixtures, global setup)
 * there is no report to write into, so it does nothing.
 */
export async function attachExchange(exchange: Exchange): Promise<void> {
  if (!insideTest()) return;
  const described = describeExchange(exchange);
  await step(described.title, async () => {
    await attachment('request', described.request, ContentType.JSON);
    await attachment('response', described.response, ContentType.JSON);
  });
}
