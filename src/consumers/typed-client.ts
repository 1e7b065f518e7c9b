import { type ApiResult, EnrollFactorClient } from '../client';
import { FACTOR_TYPES, OPERATION_NAMES, type OperationName, type OperationResponse } from '../contract';
import { type AppAnswer, type ConsumerAdapter, type ConsumerClient, defineConsumer } from './consumer';

type Data<N extends OperationName> = OperationResponse<N> extends { data: infer D } ? D : undefined;

/** An answer of the typed client as the app sees it. */
function outcomeOf<N extends OperationName>(result: ApiResult<N>): AppAnswer<Data<N>> {
  if (result.ok) return { ok: true, data: (result.envelope as { data?: unknown }).data as Data<N> };
  const { statusCode, apiCode, message } = result.envelope;
  return { ok: false, httpStatus: result.httpStatus, statusCode, apiCode, message };
}

/**
 * The harness's typed client (`src/client/`): every operation and factor type, every form official clients
 * write, and the requests an app sends only by mistake, through `raw`, which still checks every answer
 * against the contract.
 */
export function harnessConsumer(consumer: string): ConsumerAdapter {
  return defineConsumer({
    consumer,
    can: { operations: OPERATION_NAMES, factorTypes: FACTOR_TYPES },
    uses: { operations: OPERATION_NAMES, factorTypes: FACTOR_TYPES },
    forms: {
      authorization: ['bearer', 'bare'],
      appIdHeader: ['x-authing-app-id', 'x-genauth-app-id'],
      contentType: ['application/json', 'application/json; charset=utf-8'],
      factorIdInQuery: ['escaped', 'raw'],
      otpFaceProfile: ['empty', 'omitted'],
    },
    abilities: ['no-token', 'malformed-body', 'id-token'],
    connect({ baseUrl, appId, token, form }): ConsumerClient {
      const client = new EnrollFactorClient({
        baseUrl,
        appId,
        accessToken: token?.value,
        authScheme: form.authorization,
        appIdHeader: form.appIdHeader,
        contentType: form.contentType,
        factorIdInQuery: form.factorIdInQuery,
      });
      return {
        sendEnrollFactorRequest: async (input) =>
          outcomeOf(await client.raw('sendEnrollFactorRequest', { body: input })),
        enrollFactor: async (input) => outcomeOf(await client.raw('enrollFactor', { body: input })),
        resetFactor: async (input) => outcomeOf(await client.raw('resetFactor', { body: input })),
        listEnrolledFactors: async () => outcomeOf(await client.raw('listEnrolledFactors', {})),
        getFactor: async (input) => outcomeOf(await client.raw('getFactor', { query: input })),
        listFactorsToEnroll: async () => outcomeOf(await client.raw('listFactorsToEnroll', {})),
        mfaOtpVerify: async (input) => outcomeOf(await client.raw('mfaOtpVerify', { body: input })),
      };
    },
  });
}
