import { arrayContaining, successBody } from '../matchers';
import type { InteractionRecord } from './record';
import { PROVIDER_STATES } from './states';
import { boundSmsFactor } from './values';

const showsBoundSms = () => successBody('listEnrolledFactors', arrayContaining(boundSmsFactor()));

/** list-enrolled-factors: the user's bound factors, whichever token and app id header the client sends. */
export const LIST_ENROLLED_FACTORS = {
  listEnrolled: {
    given: { state: PROVIDER_STATES.boundFactor, params: { factorType: 'SMS' } },
    uponReceiving: 'list-enrolled-factors shows a bound SMS factor',
    withRequest: { operation: 'listEnrolledFactors' },
    willRespondWith: { body: showsBoundSms },
  },
  listEnrolledBareToken: {
    given: { state: PROVIDER_STATES.boundFactor, params: { factorType: 'SMS' } },
    uponReceiving:
      'list-enrolled-factors accepts the bare access token with x-authing-app-id, as the Node, Python and Go SDKs send them',
    withRequest: {
      operation: 'listEnrolledFactors',
      form: { authorization: 'bare', appIdHeader: 'x-authing-app-id' },
    },
    willRespondWith: { body: showsBoundSms },
    catches: ['reject-bare-token'],
  },
  listEnrolledGenAuthHeader: {
    given: { state: PROVIDER_STATES.boundFactor, params: { factorType: 'SMS' } },
    uponReceiving:
      'list-enrolled-factors accepts the bare access token with x-genauth-app-id, as the GenAuth SDKs send them',
    withRequest: {
      operation: 'listEnrolledFactors',
      form: { authorization: 'bare', appIdHeader: 'x-genauth-app-id' },
    },
    willRespondWith: { body: showsBoundSms },
    catches: ['reject-bare-token'],
    openApiDifferences: [
      {
        code: 'request.header.unknown',
        mentions: 'x-genauth-app-id',
        reason:
          'the GenAuth SDKs (@genauth/nodejs, genauth for Python) send the application id as x-genauth-app-id; the OpenAPI predates the GenAuth name',
      },
    ],
  },
  listEnrolledIdToken: {
    given: { state: PROVIDER_STATES.boundFactor, params: { factorType: 'SMS' } },
    uponReceiving:
      "list-enrolled-factors accepts the sign-in's id_token as the bearer, as Guard iOS sends it",
    withRequest: { operation: 'listEnrolledFactors', token: 'id', form: { authorization: 'bearer' } },
    willRespondWith: { body: showsBoundSms },
    catches: ['reject-id-token'],
  },
} satisfies Record<string, InteractionRecord>;
