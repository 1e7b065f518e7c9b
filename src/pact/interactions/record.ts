import type { Ability, WireForm } from '../../consumers/consumer';
import type { CatalogField, ErrorScenario, FactorType, OperationName } from '../../contract';
import type { DefectId } from '../../mock/defects';
import type { ProviderStateName, ProviderStateParams } from './states';

/**
 * One pact interaction, written once and read as pact-js chains it: `given` a provider state with its
 * parameters, `uponReceiving` its description, `withRequest`, `willRespondWith`. Beside the chain: the
 * provider defects its verification must catch and the known differences from the official OpenAPI.
 *
 * The consumer tests record it and drive each consumer's own client through it (their exercise, under the
 * same key in `suites/consumer/exercises/`); the pact writer, the provider verification and its kill
 * matrix, the OpenAPI check and the assumed-fields check read it here.
 */
export interface InteractionRecord {
  /** The provider state, with the parameters the provider's state handler gets. */
  readonly given: {
    readonly state: ProviderStateName;
    /** `factorType` is also what the interaction is about: a consumer that uses none of it does not claim it. */
    readonly params: ProviderStateParams;
  };
  /** The description the pact names the interaction by: rewording it replaces the interaction in the pact. */
  readonly uponReceiving: string;
  readonly withRequest: RecordedRequest;
  readonly willRespondWith: RecordedResponse;
  /** The provider defects (`src/mock/defects.ts`) its verification catches: the kill matrix holds it to them. */
  readonly catches?: readonly DefectId[];
  /** Where the pact deliberately departs from the official OpenAPI for this interaction, and why. */
  readonly openApiDifferences?: readonly OpenApiDifference[];
  /** A consumer that uses this factor type claims another interaction in its place. */
  readonly unlessUses?: FactorType;
}

/** The request, for the way a client writes it: its method and path are the operation's. */
export interface RecordedRequest {
  readonly operation: OperationName;
  /**
   * The token the request carries; default the access token. Only a client able to send none (`no-token`)
   * or the sign-in's id_token (`id-token`) claims the interaction.
   */
  readonly token?: 'access' | 'id' | 'none';
  /** The way of calling it is about; each client's own way otherwise. */
  readonly form?: Partial<WireForm>;
  /** What else a client must be able to do to claim it, besides sending its token. */
  readonly abilities?: readonly Ability[];
  /** The query, matchers allowed. */
  readonly query?: () => Record<string, unknown>;
  /** The JSON body as the client writes it in `form`, matchers allowed. */
  readonly body?: (form: WireForm) => unknown;
}

/** The answer: a success envelope the record builds, or the error catalog's failure envelope of a scenario. */
export type RecordedResponse = Success | Refusal;

export interface Success {
  /** The JSON body, matchers allowed (`successBody`). */
  readonly body: () => Record<string, unknown>;
}

export interface Refusal {
  /** The error catalog scenario it stands for: the pact pins what the catalog documents of it. */
  readonly refusal: ErrorScenario;
  /** Assumed fields of the scenario the app acts on nevertheless: the pact pins them too. */
  readonly reliesOn?: ConsumerReliance;
}

/**
 * An assumed catalog field the app branches on, and why. The description must say so ("…with statusCode
 * 401, which the app relies on although it is undocumented"), and the consumer and provider tests carry a
 * `relies on undocumented` annotation, so the provider team sees the app depends on an undocumented answer.
 */
export interface ConsumerReliance {
  readonly fields: readonly CatalogField[];
  readonly reason: string;
}

/** A finding of the OpenAPI check this interaction has on purpose. */
export interface OpenApiDifference {
  /** The validator's rule, e.g. `request.body.incompatible`. */
  readonly code: string;
  /** Text the finding's message must contain, where one rule covers several differences. */
  readonly mentions?: string;
  readonly reason: string;
}

export function isRefusal(response: RecordedResponse): response is Refusal {
  return 'refusal' in response;
}
