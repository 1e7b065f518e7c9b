import { EXAMPLE } from '../examples';
import { fromState, opaqueToken, otpDataMatcher, successBody } from '../matchers';
import type { InteractionRecord, OpenApiDifference } from './record';
import { PROVIDER_STATES } from './states';
import { emptyProfile } from './values';

/** OTP: the enrollment token, the otpauth URI, its QR code and the recovery code. */
const tokenAndOtpData = () =>
  successBody('sendEnrollFactorRequest', { enrollmentToken: opaqueToken(), otpData: otpDataMatcher() });

const token = () => successBody('sendEnrollFactorRequest', { enrollmentToken: opaqueToken() });

/** Where SMS and EMAIL codes go, and the example the consumer test sends. */
const RECIPIENT = {
  SMS: { field: 'phoneNumber', example: EXAMPLE.phoneNumber },
  EMAIL: { field: 'email', example: EXAMPLE.email },
} as const satisfies Record<'SMS' | 'EMAIL', { field: 'phoneNumber' | 'email'; example: string }>;

/** SMS and EMAIL: the code goes to the recipient the provider state gave. */
const toRecipient = (factorType: keyof typeof RECIPIENT) => {
  const { field, example } = RECIPIENT[factorType];
  return () => ({ factorType, profile: { [field]: fromState(field, example) } });
};

const PROFILE_LEFT_OUT: OpenApiDifference = {
  code: 'request.body.incompatible',
  mentions: "required property 'profile'",
  reason:
    'real clients send OTP and FACE without a profile: Guard iOS and iOS v3 leave it out, and the Python, PHP, C# and Java SDKs drop a null one; the OpenAPI requires it although neither type has a field in it',
};

/** send-enroll-factor-request: an enrollment starts, and the provider answers the token that finishes it. */
export const SEND_ENROLL_FACTOR_REQUEST = {
  sendOtp: {
    given: { state: PROVIDER_STATES.canEnroll, params: { factorType: 'OTP' } },
    uponReceiving: 'send-enroll-factor-request for OTP answers an enrollment token and otpData',
    withRequest: {
      operation: 'sendEnrollFactorRequest',
      body: (form) => ({ factorType: 'OTP', ...emptyProfile(form) }),
    },
    willRespondWith: { body: tokenAndOtpData },
    catches: ['omit-otp-data'],
  },
  sendSms: {
    given: { state: PROVIDER_STATES.canEnroll, params: { factorType: 'SMS' } },
    uponReceiving: 'send-enroll-factor-request for SMS answers an enrollment token',
    withRequest: { operation: 'sendEnrollFactorRequest', body: toRecipient('SMS') },
    willRespondWith: { body: token },
  },
  sendEmail: {
    given: { state: PROVIDER_STATES.canEnroll, params: { factorType: 'EMAIL' } },
    uponReceiving: 'send-enroll-factor-request for EMAIL answers an enrollment token',
    withRequest: { operation: 'sendEnrollFactorRequest', body: toRecipient('EMAIL') },
    willRespondWith: { body: token },
  },
  sendFace: {
    given: { state: PROVIDER_STATES.canEnroll, params: { factorType: 'FACE' } },
    uponReceiving: 'send-enroll-factor-request for FACE answers an enrollment token',
    withRequest: {
      operation: 'sendEnrollFactorRequest',
      body: (form) => ({ factorType: 'FACE', ...emptyProfile(form) }),
    },
    willRespondWith: { body: token },
  },
  sendOtpWithoutProfile: {
    given: { state: PROVIDER_STATES.canEnroll, params: { factorType: 'OTP' } },
    uponReceiving:
      'send-enroll-factor-request for OTP without a profile answers an enrollment token and otpData, as Guard iOS and the SDKs that drop a null profile send it',
    withRequest: {
      operation: 'sendEnrollFactorRequest',
      form: { otpFaceProfile: 'omitted' },
      body: (form) => ({ factorType: 'OTP', ...emptyProfile(form) }),
    },
    willRespondWith: { body: tokenAndOtpData },
    catches: ['require-profile'],
    openApiDifferences: [PROFILE_LEFT_OUT],
  },
  sendFaceWithoutProfile: {
    given: { state: PROVIDER_STATES.canEnroll, params: { factorType: 'FACE' } },
    uponReceiving:
      'send-enroll-factor-request for FACE without a profile answers an enrollment token, as Guard iOS and the SDKs that drop a null profile send it',
    withRequest: {
      operation: 'sendEnrollFactorRequest',
      form: { otpFaceProfile: 'omitted' },
      body: (form) => ({ factorType: 'FACE', ...emptyProfile(form) }),
    },
    willRespondWith: { body: token },
    catches: ['require-profile'],
    openApiDifferences: [PROFILE_LEFT_OUT],
  },
  sendEmailWithCharset: {
    given: { state: PROVIDER_STATES.canEnroll, params: { factorType: 'EMAIL' } },
    uponReceiving:
      'send-enroll-factor-request for EMAIL accepts a body labelled application/json with a charset, as the Go, C# and Android SDKs send it',
    withRequest: {
      operation: 'sendEnrollFactorRequest',
      form: { contentType: 'application/json; charset=utf-8' },
      body: toRecipient('EMAIL'),
    },
    willRespondWith: { body: token },
    catches: ['reject-charset-content-type'],
  },
} satisfies Record<string, InteractionRecord>;
