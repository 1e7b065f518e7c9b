import { arrayContaining, successBody } from '../matchers';
import type { InteractionRecord } from './record';
import { PROVIDER_STATES } from './states';

/** list-factors-to-enroll: the factor types the user may still bind. */
export const LIST_FACTORS_TO_ENROLL = {
  listFactorsToEnroll: {
    given: { state: PROVIDER_STATES.canEnroll, params: { factorType: 'SMS' } },
    uponReceiving: 'list-factors-to-enroll offers a factor type the user has not bound',
    withRequest: { operation: 'listFactorsToEnroll' },
    willRespondWith: {
      body: () => successBody('listFactorsToEnroll', arrayContaining({ factorType: 'SMS' })),
    },
  },
} satisfies Record<string, InteractionRecord>;
