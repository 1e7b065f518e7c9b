import { MatchersV3 } from '@pact-foundation/pact';
import { expect } from '@playwright/test';
import type { ConsumerClient, WireForm } from '../../../src/consumers/consumer';
import { type FactorType, RECOVERY_CODE_PATTERN } from '../../../src/contract';
import { EXAMPLE } from '../../../src/pact/examples';
import {
  FAILURE_SCENARIOS,
  type FailureInteractionKey,
  type InteractionKey,
} from '../../../src/pact/interactions';
import { errorBody, fromState, opaqueToken, otpDataMatcher, successBody } from '../../../src/pact/matchers';
import { PROVIDER_STATES } from '../../../src/pact/provider-states';
import { accepted, type ConsumerInteraction, expectAppSeesFailure, operation } from '../interaction';

/** The profile an OTP or FACE request carries: `{}`, as the OpenAPI requires, or none, as Guard iOS sends it. */
const emptyProfile = (form: WireForm) => (form.otpFaceProfile === 'empty' ? { profile: {} } : {});

/** send-enroll-factor-request for OTP: the enrollment token, the otpauth URI and the recovery code. */
const sendOtp: ConsumerInteraction = {
  state: PROVIDER_STATES.canEnroll,
  request: (form) => ({ body: { factorType: 'OTP', ...emptyProfile(form) } }),
  response: () =>
    successBody('sendEnrollFactorRequest', { enrollmentToken: opaqueToken(), otpData: otpDataMatcher() }),
  exercise: async (client, form) => {
    const send = operation(client, 'sendEnrollFactorRequest');
    const data = accepted(await send({ factorType: 'OTP', ...emptyProfile(form) }), 'the OTP request');
    expect(data.enrollmentToken).toBe(EXAMPLE.enrollmentToken);
    expect(data.otpData?.qrCodeUri).toMatch(/^otpauth:\/\/totp\//);
    expect(data.otpData?.recoveryCode).toMatch(RECOVERY_CODE_PATTERN);
  },
};

/** send-enroll-factor-request for FACE: an enrollment token. */
const sendFace: ConsumerInteraction = {
  state: PROVIDER_STATES.canEnroll,
  request: (form) => ({ body: { factorType: 'FACE', ...emptyProfile(form) } }),
  response: () => successBody('sendEnrollFactorRequest', { enrollmentToken: opaqueToken() }),
  exercise: async (client, form) => {
    const send = operation(client, 'sendEnrollFactorRequest');
    const data = accepted(await send({ factorType: 'FACE', ...emptyProfile(form) }), 'the FACE request');
    expect(data.enrollmentToken).toBe(EXAMPLE.enrollmentToken);
  },
};

/** send-enroll-factor-request for SMS or EMAIL: a code goes to the recipient the state gave. */
const sendCode = (factorType: 'SMS' | 'EMAIL'): ConsumerInteraction => {
  const recipient = factorType === 'SMS' ? 'phoneNumber' : 'email';
  const example = factorType === 'SMS' ? EXAMPLE.phoneNumber : EXAMPLE.email;
  return {
    state: PROVIDER_STATES.canEnroll,
    request: () => ({ body: { factorType, profile: { [recipient]: fromState(recipient, example) } } }),
    response: () => successBody('sendEnrollFactorRequest', { enrollmentToken: opaqueToken() }),
    exercise: async (client) => {
      const send = operation(client, 'sendEnrollFactorRequest');
      const data = accepted(
        await send({ factorType, profile: { [recipient]: example } }),
        `the ${factorType} request`,
      );
      expect(data.enrollmentToken).toBe(EXAMPLE.enrollmentToken);
      expect(data.otpData, `${factorType} answers carry no otpData`).toBeUndefined();
    },
  };
};

const pendingToken = () => fromState('enrollmentToken', EXAMPLE.enrollmentToken);
const deliveredCode = () => fromState('passCode', EXAMPLE.passCode);

/** enroll-factor binding OTP, SMS or EMAIL with the code the state gave. */
const enrollWithCode = (factorType: 'OTP' | 'SMS' | 'EMAIL'): ConsumerInteraction => ({
  state: PROVIDER_STATES.pendingEnrollment,
  request: () => ({
    body: { factorType, enrollmentToken: pendingToken(), enrollmentData: { passCode: deliveredCode() } },
  }),
  response: () => successBody('enrollFactor'),
  exercise: async (client) => {
    const enroll = operation(client, 'enrollFactor');
    accepted(
      await enroll({
        factorType,
        enrollmentToken: EXAMPLE.enrollmentToken,
        enrollmentData: { passCode: EXAMPLE.passCode },
      }),
      `enroll-factor for ${factorType}`,
    );
  },
});

const enrollFace: ConsumerInteraction = {
  state: PROVIDER_STATES.pendingEnrollment,
  request: () => ({
    body: {
      factorType: 'FACE',
      enrollmentToken: pendingToken(),
      enrollmentData: { photo: fromState('photo', EXAMPLE.photo), isExternalPhoto: true },
    },
  }),
  response: () => successBody('enrollFactor'),
  exercise: async (client) => {
    const enroll = operation(client, 'enrollFactor');
    accepted(
      await enroll({
        factorType: 'FACE',
        enrollmentToken: EXAMPLE.enrollmentToken,
        enrollmentData: { photo: EXAMPLE.photo, isExternalPhoto: true },
      }),
      'enroll-factor for FACE',
    );
  },
};

/** An enroll-factor request that must fail: as the pact records it, and as the app sends it. */
const failure = (
  key: FailureInteractionKey,
  state: ConsumerInteraction['state'],
  recorded: Record<string, unknown>,
  sent: Parameters<ConsumerClient['enrollFactor']>[0],
  token: ConsumerInteraction['token'] = 'access',
): ConsumerInteraction => ({
  state,
  token,
  request: () => ({ body: recorded }),
  response: () => errorBody(FAILURE_SCENARIOS[key]),
  exercise: async (client) => {
    const enroll = operation(client, 'enrollFactor');
    expectAppSeesFailure(await enroll(sent), FAILURE_SCENARIOS[key]);
  },
});

const withCode = (
  factorType: FactorType,
  passCode: string,
  enrollmentToken: string = EXAMPLE.enrollmentToken,
) => ({
  factorType,
  enrollmentToken,
  enrollmentData: { passCode },
});

const wrongCode = (key: FailureInteractionKey, factorType: 'SMS' | 'EMAIL' | 'OTP') =>
  failure(
    key,
    PROVIDER_STATES.pendingEnrollment,
    {
      factorType,
      enrollmentToken: pendingToken(),
      enrollmentData: { passCode: fromState('wrongPassCode', EXAMPLE.wrongPassCode) },
    },
    withCode(factorType, EXAMPLE.wrongPassCode),
  );

const smsWithDeliveredCode = {
  factorType: 'SMS',
  enrollmentToken: pendingToken(),
  enrollmentData: { passCode: deliveredCode() },
};

export const ENROLLMENT_INTERACTIONS = {
  sendOtp,
  sendSms: sendCode('SMS'),
  sendEmail: sendCode('EMAIL'),
  sendFace,
  sendOtpWithoutProfile: sendOtp,
  sendFaceWithoutProfile: sendFace,
  sendEmailWithCharset: sendCode('EMAIL'),
  enrollOtp: enrollWithCode('OTP'),
  enrollSms: enrollWithCode('SMS'),
  enrollEmail: enrollWithCode('EMAIL'),
  enrollFace,
  expiredToken: failure(
    'expiredToken',
    PROVIDER_STATES.expiredEnrollment,
    smsWithDeliveredCode,
    withCode('SMS', EXAMPLE.passCode),
  ),
  unknownToken: failure(
    'unknownToken',
    PROVIDER_STATES.canEnroll,
    {
      ...withCode('SMS', EXAMPLE.passCode, EXAMPLE.unknownEnrollmentToken),
      enrollmentData: { passCode: MatchersV3.string(EXAMPLE.passCode) },
    },
    withCode('SMS', EXAMPLE.passCode, EXAMPLE.unknownEnrollmentToken),
  ),
  wrongSmsPassCode: wrongCode('wrongSmsPassCode', 'SMS'),
  wrongEmailPassCode: wrongCode('wrongEmailPassCode', 'EMAIL'),
  wrongTotp: wrongCode('wrongTotp', 'OTP'),
  faceWithoutPhoto: failure(
    'faceWithoutPhoto',
    PROVIDER_STATES.pendingEnrollment,
    { factorType: 'FACE', enrollmentToken: pendingToken(), enrollmentData: {} },
    { factorType: 'FACE', enrollmentToken: EXAMPLE.enrollmentToken, enrollmentData: {} },
  ),
  noAccessToken: failure(
    'noAccessToken',
    PROVIDER_STATES.pendingEnrollment,
    smsWithDeliveredCode,
    withCode('SMS', EXAMPLE.passCode),
    'none',
  ),
  unknownFactorType: failure(
    'unknownFactorType',
    PROVIDER_STATES.pendingEnrollment,
    { ...smsWithDeliveredCode, factorType: EXAMPLE.unknownFactorType },
    { ...withCode('SMS', EXAMPLE.passCode), factorType: EXAMPLE.unknownFactorType },
  ),
  missingEnrollmentData: failure(
    'missingEnrollmentData',
    PROVIDER_STATES.pendingEnrollment,
    { factorType: 'OTP', enrollmentToken: pendingToken() },
    { factorType: 'OTP', enrollmentToken: EXAMPLE.enrollmentToken },
  ),
} as const satisfies Partial<Record<InteractionKey, ConsumerInteraction>>;
