import { MatchersV3 } from '@pact-foundation/pact';
import { expect } from '@playwright/test';
import { EXAMPLE } from '../../../src/pact/examples';
import { FAILURE_SCENARIOS, type InteractionKey } from '../../../src/pact/interactions';
import { errorBody, fromState, successBody } from '../../../src/pact/matchers';
import { PROVIDER_STATES } from '../../../src/pact/provider-states';
import { accepted, type ConsumerInteraction, expectAppSeesFailure, operation } from '../interaction';

/**
 * A bound SMS factor as the API shows it. `profile` is matched as an object of any content: the official
 * FactorDto declares it without properties, so the app must not rely on `phoneNumber` in it.
 */
const boundSms = () => ({
  factorId: MatchersV3.string(EXAMPLE.factorId),
  factorType: 'SMS',
  profile: MatchersV3.like({}),
});

/** list-enrolled-factors showing a bound SMS factor, whichever token the request carries. */
const listEnrolled = (token: ConsumerInteraction['token'] = 'access'): ConsumerInteraction => ({
  state: PROVIDER_STATES.boundFactor,
  token,
  response: () => successBody('listEnrolledFactors', MatchersV3.arrayContaining(boundSms())),
  exercise: async (client) => {
    const list = operation(client, 'listEnrolledFactors');
    const factors = accepted(await list(), 'list-enrolled-factors');
    const sms = factors.find((factor) => factor.factorType === 'SMS');
    expect(sms?.factorId).toBe(EXAMPLE.factorId);
    expect(sms?.profile).toEqual({});
  },
});

/** get-factor reading the bound SMS factor by the id the state gave, however the client writes the `|`. */
const getFactor: ConsumerInteraction = {
  state: PROVIDER_STATES.boundFactor,
  request: () => ({ query: { factorId: fromState('factorId', EXAMPLE.factorId) } }),
  response: () => successBody('getFactor', boundSms()),
  exercise: async (client) => {
    const get = operation(client, 'getFactor');
    const factor = accepted(await get({ factorId: EXAMPLE.factorId }), 'get-factor');
    expect(factor).toMatchObject({ factorId: EXAMPLE.factorId, factorType: 'SMS' });
  },
};

/** list-factors-to-enroll offering SMS to a user who has not bound it. */
const listFactorsToEnroll: ConsumerInteraction = {
  state: PROVIDER_STATES.canEnroll,
  response: () => successBody('listFactorsToEnroll', MatchersV3.arrayContaining({ factorType: 'SMS' })),
  exercise: async (client) => {
    const list = operation(client, 'listFactorsToEnroll');
    const offered = accepted(await list(), 'list-factors-to-enroll');
    expect(offered.map((factor) => factor.factorType)).toContain('SMS');
  },
};

/**
 * reset-factor unbinding a bound factor: EMAIL, the type an official test unbinds against the real server
 * (the C# SDK's MfaTest, statusCode 200), or OTP for an app without EMAIL (the Android SDK's tests). No
 * official test resets SMS, and GenAuth's 2022 documentation said SMS and EMAIL could not be reset here (the
 * error catalog's decision codeFactorsReset).
 */
const resetFactor = (factorId: string): ConsumerInteraction => ({
  state: PROVIDER_STATES.boundFactor,
  request: () => ({ body: { factorId: fromState('factorId', factorId) } }),
  response: () => successBody('resetFactor'),
  exercise: async (client) => {
    const reset = operation(client, 'resetFactor');
    accepted(await reset({ factorId }), 'reset-factor');
  },
});

const resetOthersFactor: ConsumerInteraction = {
  state: PROVIDER_STATES.othersBoundFactor,
  request: () => ({ body: { factorId: fromState('factorId', EXAMPLE.factorId) } }),
  response: () => errorBody(FAILURE_SCENARIOS.resetOthersFactor),
  exercise: async (client) => {
    const reset = operation(client, 'resetFactor');
    expectAppSeesFailure(await reset({ factorId: EXAMPLE.factorId }), FAILURE_SCENARIOS.resetOthersFactor);
  },
};

/** mfa-totp-verify with a code from the state: the right one verifies, the wrong one does not. */
const totpVerify = (verified: boolean): ConsumerInteraction => {
  const code = verified ? EXAMPLE.passCode : EXAMPLE.wrongPassCode;
  return {
    state: PROVIDER_STATES.boundFactor,
    request: () => ({ body: { totp: fromState(verified ? 'passCode' : 'wrongPassCode', code) } }),
    response: () => successBody('mfaOtpVerify', { verified }),
    exercise: async (client) => {
      const verify = operation(client, 'mfaOtpVerify');
      const answer = accepted(await verify({ totp: code }), 'mfa-totp-verify');
      expect(
        answer.verified,
        verified ? 'the app lets the user on' : 'the app tells the user the code was wrong',
      ).toBe(verified);
    },
  };
};

export const FACTOR_INTERACTIONS = {
  listEnrolled: listEnrolled(),
  listEnrolledBareToken: listEnrolled(),
  listEnrolledGenAuthHeader: listEnrolled(),
  listEnrolledIdToken: listEnrolled('id'),
  getFactor,
  getFactorRawPipe: getFactor,
  listFactorsToEnroll,
  resetFactor: resetFactor(EXAMPLE.emailFactorId),
  resetOtpFactor: resetFactor(EXAMPLE.otpFactorId),
  resetOthersFactor,
  totpVerifyWrongCode: totpVerify(false),
  totpVerifyRightCode: totpVerify(true),
} as const satisfies Partial<Record<InteractionKey, ConsumerInteraction>>;
