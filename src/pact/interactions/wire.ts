import type { WireForm } from '../../consumers/consumer';
import { ERROR_CATALOG, OPERATIONS } from '../../contract';
import { errorBody, requestHeaders } from '../matchers';
import { type InteractionRecord, isRefusal } from './record';

/** An interaction's request as the pact records it, for a client writing it in `form`: matchers allowed. */
export function pactRequest(interaction: InteractionRecord, form: WireForm) {
  const { operation, token = 'access', query, body } = interaction.withRequest;
  const { method, path } = OPERATIONS[operation];
  return {
    method,
    path,
    headers: requestHeaders({
      token,
      authScheme: form.authorization,
      appIdHeader: form.appIdHeader,
      contentType: method === 'POST' ? form.contentType : undefined,
    }),
    query: query?.(),
    body: body?.(form),
  };
}

/**
 * An interaction's answer as the pact records it: a refusal is the catalog's failure envelope, pinned where
 * the catalog documents a field or the consumer relies on it; every answer but throttling is HTTP 200.
 */
export function pactResponse(interaction: InteractionRecord): {
  status: number;
  body: Record<string, unknown>;
} {
  const response = interaction.willRespondWith;
  if (!isRefusal(response)) return { status: 200, body: response.body() };
  return {
    status: ERROR_CATALOG[response.refusal].httpStatus,
    body: errorBody(response.refusal, response.reliesOn?.fields),
  };
}
