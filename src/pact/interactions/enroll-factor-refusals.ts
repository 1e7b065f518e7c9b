import { EXAMPLE } from '../examples';
import { anyString } from '../matchers';
import type { InteractionRecord } from './record';
import { PROVIDER_STATES } from './states';
import { pendingToken, rightCode, wrongCode } from './values';

/** The state's SMS enrollment with its delivered code: a request that fails for another reason. */
const smsWithDeliveredCode = () => ({
  factorType: 'SMS',
  enrollmentToken: pendingToken(),
  enrollmentData: { passCode: rightCode() },
});

const withWrongCode = (factorType: 'OTP' | 'SMS' | 'EMAIL') => () => ({
  factorType,
  enrollmentToken: pendingToken(),
  enrollmentData: { passCode: wrongCode() },
});

/** enroll-factor refusing a request: each answers the failure envelope of its error catalog scenario. */
export const ENROLL_FACTOR_REFUSALS = {
  expiredToken: {
    given: { state: PROVIDER_STATES.expiredEnrollment, params: { factorType: 'SMS' } },
    uponReceiving: 'enroll-factor rejects an expired enrollment token',
    withRequest: { operation: 'enrollFactor', body: smsWithDeliveredCode },
    willRespondWith: { refusal: 'enrollmentTokenExpired' },
    catches: ['accept-expired-token'],
  },
  unknownToken: {
    given: { state: PROVIDER_STATES.canEnroll, params: { factorType: 'SMS' } },
    uponReceiving: 'enroll-factor rejects an unknown enrollment token',
    withRequest: {
      operation: 'enrollFactor',
      body: () => ({
        factorType: 'SMS',
        enrollmentToken: EXAMPLE.unknownEnrollmentToken,
        enrollmentData: { passCode: anyString(EXAMPLE.passCode) },
      }),
    },
    willRespondWith: { refusal: 'enrollmentTokenInvalid' },
  },
  wrongSmsPassCode: {
    given: { state: PROVIDER_STATES.pendingEnrollment, params: { factorType: 'SMS' } },
    uponReceiving: 'enroll-factor rejects a wrong SMS passCode',
    withRequest: { operation: 'enrollFactor', body: withWrongCode('SMS') },
    willRespondWith: { refusal: 'wrongPassCode' },
    catches: ['accept-any-passcode'],
  },
  wrongEmailPassCode: {
    given: { state: PROVIDER_STATES.pendingEnrollment, params: { factorType: 'EMAIL' } },
    uponReceiving: 'enroll-factor rejects a wrong EMAIL passCode',
    withRequest: { operation: 'enrollFactor', body: withWrongCode('EMAIL') },
    willRespondWith: { refusal: 'wrongPassCode' },
    catches: ['accept-any-passcode'],
  },
  wrongTotp: {
    given: { state: PROVIDER_STATES.pendingEnrollment, params: { factorType: 'OTP' } },
    uponReceiving: 'enroll-factor rejects a wrong TOTP code',
    withRequest: { operation: 'enrollFactor', body: withWrongCode('OTP') },
    willRespondWith: { refusal: 'wrongTotp' },
  },
  missingTotp: {
    given: { state: PROVIDER_STATES.pendingEnrollment, params: { factorType: 'OTP' } },
    uponReceiving: 'enroll-factor rejects an OTP enrollment without a passCode',
    withRequest: {
      operation: 'enrollFactor',
      body: () => ({ factorType: 'OTP', enrollmentToken: pendingToken(), enrollmentData: {} }),
    },
    willRespondWith: { refusal: 'missingTotp' },
    // The pact pins the documented apiCode 6003, which a provider dropping apiCodes no longer answers.
    catches: ['drop-api-code'],
  },
  faceWithoutPhoto: {
    given: { state: PROVIDER_STATES.pendingEnrollment, params: { factorType: 'FACE' } },
    uponReceiving: 'enroll-factor rejects FACE without a photo',
    withRequest: {
      operation: 'enrollFactor',
      body: () => ({ factorType: 'FACE', enrollmentToken: pendingToken(), enrollmentData: {} }),
    },
    willRespondWith: { refusal: 'facePhotoMissing' },
    catches: ['face-without-photo'],
  },
  noAccessToken: {
    given: { state: PROVIDER_STATES.pendingEnrollment, params: { factorType: 'SMS' } },
    uponReceiving:
      'enroll-factor rejects a request without an access token with statusCode 401, which the app relies on although it is undocumented',
    withRequest: { operation: 'enrollFactor', token: 'none', body: smsWithDeliveredCode },
    willRespondWith: {
      refusal: 'notLoggedIn',
      reliesOn: {
        fields: ['statusCode'],
        reason:
          'a 401 sends the user back to the login page; the documentation gives 401 UnauthorizedError for "not logged in" but not its pairing with the MFA endpoints',
      },
    },
    catches: ['skip-access-token-check'],
    openApiDifferences: [
      {
        code: 'request.authorization.missing',
        reason:
          'a deliberate negative interaction: the request leaves out the access token the spec requires',
      },
    ],
  },
  unknownFactorType: {
    given: { state: PROVIDER_STATES.pendingEnrollment, params: { factorType: 'SMS' } },
    uponReceiving: 'enroll-factor rejects an unknown factorType',
    withRequest: {
      operation: 'enrollFactor',
      abilities: ['malformed-body'],
      body: () => ({ ...smsWithDeliveredCode(), factorType: EXAMPLE.unknownFactorType }),
    },
    willRespondWith: { refusal: 'unknownFactorType' },
    openApiDifferences: [
      {
        code: 'request.body.incompatible',
        mentions: 'allowed values',
        reason: 'a deliberate negative interaction: factorType is outside the enum the spec allows',
      },
    ],
  },
  missingEnrollmentData: {
    given: { state: PROVIDER_STATES.pendingEnrollment, params: { factorType: 'OTP' } },
    uponReceiving: 'enroll-factor rejects a request without enrollmentData',
    withRequest: {
      operation: 'enrollFactor',
      abilities: ['malformed-body'],
      body: () => ({ factorType: 'OTP', enrollmentToken: pendingToken() }),
    },
    willRespondWith: { refusal: 'missingField' },
    openApiDifferences: [
      {
        code: 'request.body.incompatible',
        mentions: "required property 'enrollmentData'",
        reason:
          'a deliberate negative interaction: the request leaves out enrollmentData, which the spec requires',
      },
    ],
  },
} satisfies Record<string, InteractionRecord>;
