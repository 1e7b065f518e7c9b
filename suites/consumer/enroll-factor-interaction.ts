import type { PactV4 } from '@pact-foundation/pact';
import type { V4InteractionWithResponse } from '@pact-foundation/pact/src/v4/http/types';
import { type FactorType, OPERATIONS } from '../../src/contract';
import type { InteractionDescription } from '../../src/pact/interactions';
import { requestHeaders } from '../../src/pact/matchers';
import type { ProviderStateName } from '../../src/pact/provider-states';

export interface EnrollFactorInteraction {
  readonly description: InteractionDescription;
  readonly state: ProviderStateName;
  readonly factorType: FactorType;
  readonly requestBody: unknown;
  readonly responseBody: unknown;
  readonly authenticated?: boolean;
}

/** `POST /api/v3/enroll-factor` with the given body, in the given provider state. */
export function enrollFactorInteraction(
  pact: PactV4,
  spec: EnrollFactorInteraction,
): V4InteractionWithResponse {
  const { method, path } = OPERATIONS.enrollFactor;
  return pact
    .addInteraction()
    .given(spec.state, { factorType: spec.factorType })
    .uponReceiving(spec.description)
    .withRequest(method, path, (request) =>
      request
        .headers(requestHeaders({ authenticated: spec.authenticated ?? true }))
        .jsonBody(spec.requestBody),
    )
    .willRespondWith(200, (response) => response.jsonBody(spec.responseBody));
}
