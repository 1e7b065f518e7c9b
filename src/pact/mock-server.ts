import { setTimeout as sleep } from 'node:timers/promises';
import { getFfiLib } from '@pact-foundation/pact-core';

/** The Pact mock server pact-js's `executeTest` hands a consumer test. */
export interface PactMockServer {
  readonly port: number;
  readonly url: string;
}

/** How long a consumer test waits for the mock server to record what it answered. */
const RECORD_TIMEOUT_MS = 2_000;

/**
 * Waits until the Pact mock server on `port` reports every expected request received, or a request it
 * could not match, or `timeoutMs` has passed; pact-js then judges the test as usual.
 *
 * pact-js asks the mock server "was every expected request received?" the moment the test's callback
 * returns. The mock server of pact-core 19 (pact-js 16.3 to 16.5, the last line that runs on Node 20)
 * records a match on a task of its own after the answer has gone out, so under CPU load the question can
 * come first and fail a passing test with "The following request was expected but not received"
 * (pact-foundation/pact-core-mock-server#13). pact-core 20 (pact-js 17, Node 22) records the match before
 * it answers, and this returns at once.
 */
export async function untilEveryRequestRecorded(port: number, timeoutMs = RECORD_TIMEOUT_MS): Promise<void> {
  const ffi = getFfiLib();
  const deadline = performance.now() + timeoutMs;
  while (!ffi.pactffiMockServerMatched(port) && performance.now() < deadline) {
    if (someRequestMismatched(ffi.pactffiMockServerMismatches(port))) return;
    await sleep(5);
  }
}

/** True when the mock server saw a request it could not match: waiting longer changes nothing. */
function someRequestMismatched(mismatchesJson: string): boolean {
  try {
    const mismatches = JSON.parse(mismatchesJson) as { type?: string }[];
    return mismatches.some((mismatch) => mismatch.type !== 'missing-request');
  } catch {
    return true;
  }
}

/** A consumer test's callback, followed by the wait above: what the consumer tests hand to `executeTest`. */
export function thenRecorded<T>(run: (server: PactMockServer) => Promise<T>) {
  return async (server: PactMockServer): Promise<T> => {
    const value = await run(server);
    await untilEveryRequestRecorded(server.port);
    return value;
  };
}
