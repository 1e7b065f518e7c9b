import { EXAMPLE } from '../examples';
import { fromState, successBody } from '../matchers';
import type { InteractionRecord } from './record';
import { PROVIDER_STATES } from './states';
import { boundSmsFactor } from './values';

const byStateFactorId = () => ({ factorId: fromState('factorId', EXAMPLE.factorId) });

/** get-factor: one bound factor by its factorId, however the client writes the `|` in it. */
export const GET_FACTOR = {
  getFactor: {
    given: { state: PROVIDER_STATES.boundFactor, params: { factorType: 'SMS' } },
    uponReceiving: 'get-factor reads a bound SMS factor by its factorId',
    withRequest: { operation: 'getFactor', query: byStateFactorId },
    willRespondWith: { body: () => successBody('getFactor', boundSmsFactor()) },
    catches: ['get-factor-not-found'],
  },
  // Pact records an escaped and a raw `|` alike: only a client that sends it raw claims this one, and the
  // API suites check the raw `|` on the wire.
  getFactorRawPipe: {
    given: { state: PROVIDER_STATES.boundFactor, params: { factorType: 'SMS' } },
    uponReceiving:
      'get-factor reads a bound SMS factor by its factorId sent with a raw |, as the Go, C#, Java, Android and iOS SDKs send it',
    withRequest: { operation: 'getFactor', form: { factorIdInQuery: 'raw' }, query: byStateFactorId },
    willRespondWith: { body: () => successBody('getFactor', boundSmsFactor()) },
    catches: ['get-factor-not-found'],
  },
} satisfies Record<string, InteractionRecord>;
