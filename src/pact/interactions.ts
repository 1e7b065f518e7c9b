/**
 * Every interaction of the enroll-factor pact, by description. The consumer tests take their
 * descriptions from here, and a pact file is written only when every one of them passed, so a partial
 * or failed run never replaces the committed contract with a smaller one.
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
  noAccessToken: 'enroll-factor rejects a request without an access token',
  unknownFactorType: 'enroll-factor rejects an unknown factorType',
  missingEnrollmentData: 'enroll-factor rejects a request without enrollmentData',
  listEnrolled: 'list-enrolled-factors shows a bound SMS factor',
  resetFactor: 'reset-factor unbinds a bound SMS factor',
} as const;

export type InteractionKey = keyof typeof INTERACTIONS;
export type InteractionDescription = (typeof INTERACTIONS)[InteractionKey];
export const INTERACTION_DESCRIPTIONS = Object.values(INTERACTIONS) as InteractionDescription[];
