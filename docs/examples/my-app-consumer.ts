/**
 * A team's own consumer adapter: the MFA calls of an app that talks to GenAuth with its own small client,
 * and what the app uses of the API. Select it with `PACT_CONSUMERS=docs/examples/my-app-consumer.ts` (beside
 * the built-in ones: `PACT_CONSUMERS=harness,docs/examples/my-app-consumer.ts`); its pact is
 * `pacts/my-mfa-app-genauth-authentication-api.json`. docs/contract-testing.md walks through it.
 */
import { type AppAnswer, type ConsumerClient, defineConsumer } from '../../src/consumers/consumer';

/** The app's client, as it would be in the app: fetch, the bare access token, JSON in and out. */
function myMfaClient(baseUrl: string, appId: string, accessToken: string | undefined) {
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<AppAnswer<T>> => {
    const response = await fetch(`${baseUrl}/api/v3/${path}`, {
      method,
      headers: {
        'x-authing-app-id': appId,
        ...(accessToken ? { authorization: accessToken } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const envelope = (await response.json()) as {
      statusCode: number;
      message: string;
      apiCode?: number;
      data?: T;
    };
    return envelope.statusCode === 200
      ? { ok: true, data: envelope.data as T }
      : { ok: false, httpStatus: response.status, ...envelope };
  };
  return {
    sendEnrollFactorRequest: (input) => call('POST', 'send-enroll-factor-request', input),
    enrollFactor: (input) => call('POST', 'enroll-factor', input),
    listEnrolledFactors: () => call('GET', 'list-enrolled-factors'),
    resetFactor: (input) => call('POST', 'reset-factor', input),
  } satisfies Partial<ConsumerClient>;
}

export default defineConsumer({
  consumer: 'my-mfa-app',
  // What the client can send: the four calls above, for any factor type.
  can: {
    operations: ['sendEnrollFactorRequest', 'enrollFactor', 'listEnrolledFactors', 'resetFactor'],
    factorTypes: ['OTP', 'SMS', 'EMAIL', 'FACE'],
  },
  // What the app uses: it offers authenticator apps and SMS, and lets the user see and remove them.
  uses: {
    operations: ['sendEnrollFactorRequest', 'enrollFactor', 'listEnrolledFactors', 'resetFactor'],
    factorTypes: ['OTP', 'SMS'],
  },
  // How it writes requests: one way each, so its pact claims no interaction about another way.
  forms: {
    authorization: ['bare'],
    appIdHeader: ['x-authing-app-id'],
    contentType: ['application/json'],
    factorIdInQuery: ['escaped'],
    otpFaceProfile: ['empty'],
  },
  // It always sends the user's token and only well-formed bodies.
  abilities: [],
  connect: ({ baseUrl, appId, token }) => myMfaClient(baseUrl, appId, token?.value),
});
