import { EXAMPLE } from '../examples';
import { fromState, successBody } from '../matchers';
import type { InteractionRecord } from './record';
import { PROVIDER_STATES } from './states';
import { pendingToken, rightCode } from './values';

/** The pending enrollment of the state, finished with the code that binds it. */
const withDeliveredCode = (factorType: 'OTP' | 'SMS' | 'EMAIL') => () => ({
  factorType,
  enrollmentToken: pendingToken(),
  enrollmentData: { passCode: rightCode() },
});

const bound = () => successBody('enrollFactor');

/** enroll-factor: the pending enrollment is finished and the factor bound. */
export const ENROLL_FACTOR = {
  enrollOtp: {
    given: { state: PROVIDER_STATES.pendingEnrollment, params: { factorType: 'OTP' } },
    uponReceiving: 'enroll-factor binds OTP with the current TOTP code',
    withRequest: { operation: 'enrollFactor', body: withDeliveredCode('OTP') },
    willRespondWith: { body: bound },
  },
  enrollSms: {
    given: { state: PROVIDER_STATES.pendingEnrollment, params: { factorType: 'SMS' } },
    uponReceiving: 'enroll-factor binds SMS with the delivered passCode',
    withRequest: { operation: 'enrollFactor', body: withDeliveredCode('SMS') },
    willRespondWith: { body: bound },
  },
  enrollEmail: {
    given: { state: PROVIDER_STATES.pendingEnrollment, params: { factorType: 'EMAIL' } },
    uponReceiving: 'enroll-factor binds EMAIL with the delivered passCode',
    withRequest: { operation: 'enrollFactor', body: withDeliveredCode('EMAIL') },
    willRespondWith: { body: bound },
  },
  enrollFace: {
    given: { state: PROVIDER_STATES.pendingEnrollment, params: { factorType: 'FACE' } },
    uponReceiving: 'enroll-factor binds FACE with a photo',
    withRequest: {
      operation: 'enrollFactor',
      body: () => ({
        factorType: 'FACE',
        enrollmentToken: pendingToken(),
        enrollmentData: { photo: fromState('photo', EXAMPLE.photo), isExternalPhoto: true },
      }),
    },
    willRespondWith: { body: bound },
  },
} satisfies Record<string, InteractionRecord>;
