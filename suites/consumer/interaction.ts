import type { PactV4 } from '@pact-foundation/pact';
import { expect } from '@playwright/test';
import type { AppAnswer, ConsumerAdapter, ConsumerClient, WireForm } from '../../src/consumers/consumer';
import { ERROR_CATALOG } from '../../src/contract';
import { EXAMPLE, exampleToken } from '../../src/pact/examples';
import { type InteractionRecord, isRefusal } from '../../src/pact/interactions/record';
import { pactRequest, pactResponse } from '../../src/pact/interactions/wire';
import { pinnedFields } from '../../src/pact/matchers';
import { type PactMockServer, thenRecorded } from '../../src/pact/mock-server';

/**
 * How the app goes through an interaction: it calls its own client as it would (writing the way `form`
 * says) and checks, with Playwright's `expect`, what it sees of the answer.
 */
export type Exercise = (
  client: Partial<ConsumerClient>,
  form: WireForm,
  interaction: InteractionRecord,
) => Promise<void>;

/** The operation `name` of the client; a consumer claims only interactions of operations its client offers. */
export function operation<N extends keyof ConsumerClient>(
  client: Partial<ConsumerClient>,
  name: N,
): ConsumerClient[N] {
  const method = client[name];
  if (!method)
    throw new Error(`the consumer's client offers no ${name}, although its adapter says it can send it`);
  return method.bind(client) as ConsumerClient[N];
}

/** The data of an answer the app takes as accepted; the failure it got, otherwise, in the message. */
export function accepted<T>(outcome: AppAnswer<T>, what: string): T {
  expect(outcome.ok ? 'accepted' : `statusCode ${outcome.statusCode}: ${outcome.message}`, what).toBe(
    'accepted',
  );
  return (outcome as { data: T }).data;
}

/**
 * What the enrolling app sees of a refusal: a failure envelope of the catalog's class, and exactly the
 * fields the pact pins (documented, or relied on); an assumed apiCode is not promised, so none arrives.
 */
export function expectAppSeesFailure(outcome: AppAnswer<unknown>, interaction: InteractionRecord): void {
  const response = interaction.willRespondWith;
  if (!isRefusal(response)) throw new Error(`"${interaction.uponReceiving}" is not a refusal`);
  const scenario = response.refusal;
  const entry = ERROR_CATALOG[scenario];
  const pinned = pinnedFields(scenario, response.reliesOn?.fields);
  expect(outcome.ok, `${scenario} must be answered with a failure envelope`).toBe(false);
  if (outcome.ok) return;
  if (outcome.httpStatus !== undefined) expect(outcome.httpStatus).toBe(entry.httpStatus);
  if (pinned.includes('statusCode')) expect(outcome.statusCode).toBe(entry.statusCode);
  else expect(String(outcome.statusCode)).toMatch(/^4\d\d$/);
  expect(outcome.apiCode).toBe(pinned.includes('apiCode') && 'apiCode' in entry ? entry.apiCode : undefined);
}

/**
 * Records `interaction` in `pact` (one interaction per test), then runs its exercise against the Pact mock
 * server through the consumer's own client, writing the way `form` says.
 */
export function verifyConsumer(
  pact: PactV4,
  adapter: ConsumerAdapter,
  interaction: InteractionRecord,
  exercise: Exercise,
  form: WireForm,
) {
  const request = pactRequest(interaction, form);
  const response = pactResponse(interaction);
  const token = interaction.withRequest.token ?? 'access';
  return pact
    .addInteraction()
    .given(interaction.given.state, interaction.given.params)
    .uponReceiving(interaction.uponReceiving)
    .withRequest(request.method, request.path, (builder) => {
      builder.headers(request.headers);
      if (request.query) builder.query(request.query as Record<string, string>);
      if (request.body !== undefined) builder.jsonBody(request.body);
    })
    .willRespondWith(response.status, (builder) => builder.jsonBody(response.body))
    .executeTest(
      thenRecorded(async (server: PactMockServer) => {
        const client = adapter.connect({
          baseUrl: server.url,
          appId: EXAMPLE.appId,
          token: token === 'none' ? undefined : { kind: token, value: exampleToken(token) },
          form,
        });
        await exercise(client, form, interaction);
      }),
    );
}
