import type { Models } from 'authing-node-sdk';
import { FACTOR_TYPES, OPERATION_NAMES } from '../contract';
import { type AppAnswer, type ConsumerAdapter, type ConsumerClient, defineConsumer } from './consumer';

/** What every method of the SDK resolves with: the envelope, success or failure (answered with HTTP 200). */
interface SdkEnvelope<T> {
  readonly statusCode: number;
  readonly message: string;
  readonly apiCode?: number;
  readonly data?: T;
}

/** An answer of the SDK as the app sees it: its envelope; a failure resolves too, with HTTP 200. */
function outcomeOf<T>(envelope: SdkEnvelope<T>): AppAnswer<T> {
  if (envelope.statusCode === 200) return { ok: true, data: envelope.data as T };
  const { statusCode, apiCode, message } = envelope;
  return { ok: false, httpStatus: 200, statusCode, apiCode, message };
}

/**
 * The official Node SDK (`authing-node-sdk`), as an app calls it: `AuthenticationClient` with the app's
 * id and host, the user's access token set with `setAccessToken`. What it writes is fixed: the bare token,
 * `x-authing-app-id`, `application/json`, the factorId escaped by axios. It forwards whatever body the app
 * gives it, and sends no token until one is set.
 */
export const AUTHING_NODE_SDK: ConsumerAdapter = defineConsumer({
  consumer: 'authing-node-sdk',
  can: { operations: OPERATION_NAMES, factorTypes: FACTOR_TYPES },
  uses: { operations: OPERATION_NAMES, factorTypes: FACTOR_TYPES },
  forms: {
    authorization: ['bare'],
    appIdHeader: ['x-authing-app-id'],
    contentType: ['application/json'],
    factorIdInQuery: ['escaped'],
    otpFaceProfile: ['empty', 'omitted'],
  },
  abilities: ['no-token', 'malformed-body'],
  connect({ baseUrl, appId, token }): ConsumerClient {
    // Loaded when a test connects, not when the adapter is listed: runs that send nothing through the SDK
    // (API suites, provider verification, self-tests) never load it and its dependencies.
    const connecting = import('authing-node-sdk').then(({ AuthenticationClient }) => {
      const sdk = new AuthenticationClient({
        appId,
        appHost: baseUrl,
        tokenEndPointAuthMethod: 'none',
        redirectUri: `${baseUrl}/callback`,
      });
      if (token) sdk.setAccessToken(token.value);
      return sdk;
    });
    // The SDK's types narrow what an app may pass; the app's values go through as the SDK sends them.
    return {
      sendEnrollFactorRequest: async (input) =>
        outcomeOf(
          await (await connecting).sendEnrollFactorRequest(input as Models.SendEnrollFactorRequestDto),
        ),
      enrollFactor: async (input) =>
        outcomeOf<undefined>(await (await connecting).enrollFactor(input as Models.EnrollFactorDto)),
      resetFactor: async (input) => outcomeOf<undefined>(await (await connecting).resetFactor(input)),
      listEnrolledFactors: async () => outcomeOf(await (await connecting).listEnrolledFactors()),
      getFactor: async (input) => outcomeOf(await (await connecting).getFactor(input)),
      listFactorsToEnroll: async () => outcomeOf(await (await connecting).listFactorsToEnroll()),
      mfaOtpVerify: async (input) => outcomeOf(await (await connecting).mfaOtpVerify(input)),
    };
  },
});
