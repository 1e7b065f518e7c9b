import { EXAMPLE } from '../examples';
import { fromState, successBody } from '../matchers';
import type { InteractionRecord } from './record';
import { PROVIDER_STATES } from './states';

const unbound = () => successBody('resetFactor');

/**
 * reset-factor: a bound factor is unbound. EMAIL is the type an official test unbinds against the real server
 * (the C# SDK's MfaTest, statusCode 200); OTP, which the Android SDK's tests unbind, stands in for an app
 * without EMAIL. No official test resets SMS, and GenAuth's 2022 documentation said SMS and EMAIL could not
 * be reset here (the error catalog's decision codeFactorsReset).
 */
export const RESET_FACTOR = {
  resetFactor: {
    given: { state: PROVIDER_STATES.boundFactor, params: { factorType: 'EMAIL' } },
    uponReceiving: 'reset-factor unbinds a bound EMAIL factor',
    withRequest: {
      operation: 'resetFactor',
      body: () => ({ factorId: fromState('factorId', EXAMPLE.emailFactorId) }),
    },
    willRespondWith: { body: unbound },
  },
  resetOtpFactor: {
    given: { state: PROVIDER_STATES.boundFactor, params: { factorType: 'OTP' } },
    uponReceiving: 'reset-factor unbinds a bound OTP factor',
    withRequest: {
      operation: 'resetFactor',
      body: () => ({ factorId: fromState('factorId', EXAMPLE.otpFactorId) }),
    },
    willRespondWith: { body: unbound },
    unlessUses: 'EMAIL',
  },
  // The app must not be able to unbind someone else's MFA.
  resetOthersFactor: {
    given: { state: PROVIDER_STATES.othersBoundFactor, params: { factorType: 'SMS' } },
    uponReceiving: "reset-factor refuses another user's factorId",
    withRequest: {
      operation: 'resetFactor',
      body: () => ({ factorId: fromState('factorId', EXAMPLE.factorId) }),
    },
    willRespondWith: { refusal: 'unknownFactorId' },
    catches: ['reset-any-factor'],
  },
} satisfies Record<string, InteractionRecord>;
