import type { ErrorScenario } from '../contract';

/**
 * Every interaction of the enroll-factor pact, by description. The consumer tests take their
 * descriptions from here, and a pact file is written only when every one of them passed, so a partial
 * or failed run never replaces the committed contract with a smaller one.
 *
 * The existing interactions call the way the Java and C# SDKs and the mobile SDKs do (`Bearer <token>`,
 * `x-authing-app-id`); two more call the way the Node, Python and Go SDKs (bare token) and the GenAuth
 * SDKs (`x-genauth-app-id`) do.
 */
export const INTERACTIONS = {
  sendOtp: 'send-enroll-factor-request for OTP answers an enrollment token and otpData',
  sendSms: 'send-enroll-factor-request for SMS answers an enrollment token',
  sendEmail: 'send-enroll-factor-request for EMAIL answers an enrollment token',
  sendFace: 'send-enroll-factor-request for FACE answers an enrollment token',
  enrollOtp: 'enroll-factor binds OTP with the current TOTP code',
  enrollSms: 'enroll-factor binds SMS with the delivered passCode',
  enrollEmail: 'enroll-factor binds EMAIL with the delivered passCode',
  enrollFace: 'enroll-factor binds FACE with a photo',
  expiredToken: 'enroll-factor rejects an expired enrollment token',
  unknownToken: 'enroll-factor rejects an unknown enrollment token',
  wrongSmsPassCode: 'enroll-factor rejects a wrong SMS passCode',
  wrongEmailPassCode: 'enroll-factor rejects a wrong EMAIL passCode',
  wrongTotp: 'enroll-factor rejects a wrong TOTP code',
  faceWithoutPhoto: 'enroll-factor rejects FACE without a photo',
  noAccessToken:
    'enroll-factor rejects a request without an access token with statusCode 401, which the app relies on although it is undocumented',
  unknownFactorType: 'enroll-factor rejects an unknown factorType',
  missingEnrollmentData: 'enroll-factor rejects a request without enrollmentData',
  listEnrolled: 'list-enrolled-factors shows a bound SMS factor',
  listEnrolledBareToken:
    'list-enrolled-factors accepts the bare access token with x-authing-app-id, as the Node, Python and Go SDKs send them',
  listEnrolledGenAuthHeader:
    'list-enrolled-factors accepts the bare access token with x-genauth-app-id, as the GenAuth SDKs send them',
  resetFactor: 'reset-factor unbinds a bound EMAIL factor',
  resetOthersFactor: "reset-factor refuses another user's factorId",
  totpVerifyWrongCode: 'mfa-totp-verify answers verified false for a wrong TOTP code',
} as const;

export type InteractionKey = keyof typeof INTERACTIONS;
export type InteractionDescription = (typeof INTERACTIONS)[InteractionKey];
export const INTERACTION_DESCRIPTIONS = Object.values(INTERACTIONS) as InteractionDescription[];

/** The error catalog scenario each failure interaction stands for. */
export const FAILURE_SCENARIOS = {
  expiredToken: 'enrollmentTokenExpired',
  unknownToken: 'enrollmentTokenInvalid',
  wrongSmsPassCode: 'wrongPassCode',
  wrongEmailPassCode: 'wrongPassCode',
  wrongTotp: 'wrongTotp',
  faceWithoutPhoto: 'facePhotoMissing',
  noAccessToken: 'notLoggedIn',
  unknownFactorType: 'unknownFactorType',
  missingEnrollmentData: 'missingField',
  resetOthersFactor: 'unknownFactorId',
} as const satisfies Partial<Record<InteractionKey, ErrorScenario>>;

export type FailureInteractionKey = keyof typeof FAILURE_SCENARIOS;

/** The catalog scenario of a failure interaction, by its description in a pact. */
export function failureScenarioOf(description: string): ErrorScenario | undefined {
  const key = (Object.keys(INTERACTIONS) as InteractionKey[]).find(
    (name) => INTERACTIONS[name] === description,
  );
  return key !== undefined && key in FAILURE_SCENARIOS
    ? FAILURE_SCENARIOS[key as FailureInteractionKey]
    : undefined;
}
