import type { PactV4 } from '@pact-foundation/pact';
import { expect } from '@playwright/test';
import type { ConsumerAdapter, ConsumerClient, Outcome, WireForm } from '../../src/consumers/consumer';
import { ERROR_CATALOG, type ErrorScenario, OPERATIONS } from '../../src/contract';
import { EXAMPLE, exampleToken } from '../../src/pact/examples';
import { INTERACTION_NEEDS, INTERACTIONS, type InteractionKey } from '../../src/pact/interactions';
import { pinnedFields, requestHeaders } from '../../src/pact/matchers';
import { type PactMockServer, thenRecorded } from '../../src/pact/mock-server';
import type { ProviderStateName } from '../../src/pact/provider-states';

/** One interaction as a consumer test records it and drives the consumer's client through it. */
export interface ConsumerInteraction {
  readonly state: ProviderStateName;
  /** The request as the pact records it, for the way the client writes it: query and JSON body, matchers allowed. */
  readonly request?: (form: WireForm) => {
    readonly query?: Record<string, unknown>;
    readonly body?: unknown;
  };
  /** The answer's JSON body, matchers allowed. */
  readonly response: () => Record<string, unknown>;
  /** The token the request carries. Default the access token. */
  readonly token?: 'access' | 'id' | 'none';
  /** Calls the consumer's client as the app would, and checks what the app sees of the answer. */
  readonly exercise: (client: Partial<ConsumerClient>, form: WireForm) => Promise<void>;
}

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
export function accepted<T>(outcome: Outcome<T>, what: string): T {
  expect(outcome.ok ? 'accepted' : `statusCode ${outcome.statusCode}: ${outcome.message}`, what).toBe(
    'accepted',
  );
  return (outcome as { data: T }).data;
}

/**
 * What the enrolling app sees of a failure: a failure envelope of the catalog's class, and exactly the
 * fields the pact pins (documented, or relied on); an assumed apiCode is not promised, so none arrives.
 */
export function expectAppSeesFailure(outcome: Outcome<unknown>, scenario: ErrorScenario): void {
  const entry = ERROR_CATALOG[scenario];
  const pinned = pinnedFields(scenario);
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
  key: InteractionKey,
  interaction: ConsumerInteraction,
  form: WireForm,
) {
  const needs = INTERACTION_NEEDS[key];
  const { method, path } = OPERATIONS[needs.operation];
  const request = interaction.request?.(form) ?? {};
  const token = interaction.token ?? 'access';
  return pact
    .addInteraction()
    .given(interaction.state, { factorType: needs.factorType })
    .uponReceiving(INTERACTIONS[key])
    .withRequest(method, path, (builder) => {
      builder.headers(
        requestHeaders({
          token,
          authScheme: form.authorization,
          appIdHeader: form.appIdHeader,
          contentType: method === 'POST' ? form.contentType : undefined,
        }),
      );
      if (request.query) builder.query(request.query as Record<string, string>);
      if (request.body !== undefined) builder.jsonBody(request.body);
    })
    .willRespondWith(200, (response) => response.jsonBody(interaction.response()))
    .executeTest(
      thenRecorded(async (server: PactMockServer) => {
        const client = adapter.connect({
          baseUrl: server.url,
          appId: EXAMPLE.appId,
          token: token === 'none' ? undefined : { kind: token, value: exampleToken(token) },
          form,
        });
        await interaction.exercise(client, form);
      }),
    );
}
