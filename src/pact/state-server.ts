import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from '../contract/zod';
import { UnavailableError } from '../env/unavailable';
import { HarnessError } from '../errors';
import { redactText } from '../redaction/redact';
import { type ProviderStates, paramsOf } from './provider-states';

/**
 * The provider-state endpoint the Pact verifier calls before and after each interaction
 * (`providerStatesSetupUrl`). pact-js's own state proxy answers HTTP 200 when a handler throws; the verifier
 * then sends the pact's example values, a correct provider refuses them with the 4xx an interaction may
 * expect, and the interaction passes without testing anything. This endpoint answers a setup that failed
 * with HTTP 422 and its cause, so the verifier fails the interaction without sending its request, here and
 * in a broker's verification results alike (a 4xx, because the verifier retries a 5xx twice more, and a
 * state that could not be set up will not be set up a second later).
 */
export interface StateServer {
  /** For `providerStatesSetupUrl`. */
  readonly url: string;
  /** Why setups failed since the last call, one line each, by state; capabilities the states lacked. */
  takeFailures(): StateFailure[];
  close(): Promise<void>;
}

export interface StateFailure {
  /** The provider state, as the pact names it. */
  readonly state: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly action: 'setup' | 'teardown';
  /** What went wrong, redacted. */
  readonly cause: string;
  /** What the environment cannot give the state (a second user, a usable designated user), when that is the cause. */
  readonly capability?: string;
}

const StateChangeSchema = z.object({
  state: z.string(),
  params: z.record(z.string(), z.unknown()).default({}),
  action: z.enum(['setup', 'teardown']).default('setup'),
});

export async function startStateServer(states: ProviderStates): Promise<StateServer> {
  let failures: StateFailure[] = [];

  /** The values a setup returns, or the failure it ended in (recorded). */
  const change = async (
    body: z.infer<typeof StateChangeSchema>,
  ): Promise<{ values: Record<string, string> } | { failure: StateFailure }> => {
    try {
      if (body.action === 'teardown') {
        await states.tearDown();
        return { values: {} };
      }
      const values = await states.setUp(body.state, paramsOf(body.state, body.params));
      return {
        values: Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)),
      };
    } catch (error) {
      const failure: StateFailure = {
        state: body.state,
        params: body.params,
        action: body.action,
        cause: redactText(error instanceof HarnessError ? error.detail : (error as Error).message),
        ...(error instanceof UnavailableError ? { capability: error.detail } : {}),
      };
      failures.push(failure);
      return { failure };
    }
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      let parsed: z.infer<typeof StateChangeSchema>;
      try {
        parsed = StateChangeSchema.parse(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        answer(400, { error: 'a state change needs a JSON body { state, params, action }' });
        return;
      }
      void change(parsed).then((outcome) =>
        'values' in outcome
          ? answer(200, outcome.values)
          : answer(422, { error: describeFailure(outcome.failure) }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/provider-states`,
    takeFailures() {
      const taken = failures;
      failures = [];
      return taken;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A failed state change in one line: the state with its parameters, and why. */
export function describeFailure(failure: StateFailure): string {
  const verb = failure.action === 'teardown' ? 'torn down' : 'set up';
  return `provider state "${failure.state}" ${JSON.stringify(failure.params)} could not be ${verb}: ${failure.cause}`;
}
