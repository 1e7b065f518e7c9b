import type { Ability, ConsumerAdapter, WireForm } from '../consumers/consumer';
import { defaultForm } from '../consumers/consumer';
import type { ErrorScenario, FactorType, OperationName } from '../contract';
import type { DefectId } from '../mock/defects';

/**
 * Every interaction a consumer's pact may hold, by description. The consumer tests take their descriptions
 * from here, and a pact file is written only when every interaction its consumer claims passed, so a partial
 * or failed run never replaces a committed contract with a smaller one.
 *
 * Most interactions call the way the consumer's client calls by default; those about one way of calling
 * (the bare token, `x-genauth-app-id`, a charset, a raw `|`, no profile, the id_token) say which.
 */
export const INTERACTIONS = {
  sendOtp: 'send-enroll-factor-request for OTP answers an enrollment token and otpData',
  sendSms: 'send-enroll-factor-request for SMS answers an enrollment token',
  sendEmail: 'send-enroll-factor-request for EMAIL answers an enrollment token',
  sendFace: 'send-enroll-factor-request for FACE answers an enrollment token',
  sendOtpWithoutProfile:
    'send-enroll-factor-request for OTP without a profile answers an enrollment token and otpData, as Guard iOS and the SDKs that drop a null profile send it',
  sendFaceWithoutProfile:
    'send-enroll-factor-request for FACE without a profile answers an enrollment token, as Guard iOS and the SDKs that drop a null profile send it',
  sendEmailWithCharset:
    'send-enroll-factor-request for EMAIL accepts a body labelled application/json with a charset, as the Go, C# and Android SDKs send it',
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
  listEnrolledIdToken:
    "list-enrolled-factors accepts the sign-in's id_token as the bearer, as Guard iOS sends it",
  getFactor: 'get-factor reads a bound SMS factor by its factorId',
  getFactorRawPipe:
    'get-factor reads a bound SMS factor by its factorId sent with a raw |, as the Go, C#, Java, Android and iOS SDKs send it',
  listFactorsToEnroll: 'list-factors-to-enroll offers a factor type the user has not bound',
  resetFactor: 'reset-factor unbinds a bound EMAIL factor',
  resetOtpFactor: 'reset-factor unbinds a bound OTP factor',
  resetOthersFactor: "reset-factor refuses another user's factorId",
  totpVerifyWrongCode: 'mfa-totp-verify answers verified false for a wrong TOTP code',
  totpVerifyRightCode: 'mfa-totp-verify answers verified true for the current TOTP code',
} as const;

export type InteractionKey = keyof typeof INTERACTIONS;
export const INTERACTION_KEYS = Object.keys(INTERACTIONS) as InteractionKey[];

/** What an interaction is about, and what a consumer's client must be able to send for it. */
export interface InteractionNeeds {
  readonly operation: OperationName;
  /** The factor type it is about: a consumer that uses none of it does not claim it. */
  readonly factorType: FactorType;
  /** The way of calling it is about; the client's own way otherwise. */
  readonly form?: Partial<WireForm>;
  readonly abilities?: readonly Ability[];
  /** The provider defects (`src/mock/defects.ts`) its verification catches. */
  readonly defects?: readonly DefectId[];
  /** A consumer that uses this factor type claims another interaction in its place. */
  readonly unlessUses?: FactorType;
}

export const INTERACTION_NEEDS: Readonly<Record<InteractionKey, InteractionNeeds>> = {
  sendOtp: { operation: 'sendEnrollFactorRequest', factorType: 'OTP', defects: ['omit-otp-data'] },
  sendSms: { operation: 'sendEnrollFactorRequest', factorType: 'SMS' },
  sendEmail: { operation: 'sendEnrollFactorRequest', factorType: 'EMAIL' },
  sendFace: { operation: 'sendEnrollFactorRequest', factorType: 'FACE' },
  sendOtpWithoutProfile: {
    operation: 'sendEnrollFactorRequest',
    factorType: 'OTP',
    form: { otpFaceProfile: 'omitted' },
    defects: ['require-profile'],
  },
  sendFaceWithoutProfile: {
    operation: 'sendEnrollFactorRequest',
    factorType: 'FACE',
    form: { otpFaceProfile: 'omitted' },
    defects: ['require-profile'],
  },
  sendEmailWithCharset: {
    operation: 'sendEnrollFactorRequest',
    factorType: 'EMAIL',
    form: { contentType: 'application/json; charset=utf-8' },
    defects: ['reject-charset-content-type'],
  },
  enrollOtp: { operation: 'enrollFactor', factorType: 'OTP' },
  enrollSms: { operation: 'enrollFactor', factorType: 'SMS' },
  enrollEmail: { operation: 'enrollFactor', factorType: 'EMAIL' },
  enrollFace: { operation: 'enrollFactor', factorType: 'FACE' },
  expiredToken: { operation: 'enrollFactor', factorType: 'SMS', defects: ['accept-expired-token'] },
  unknownToken: { operation: 'enrollFactor', factorType: 'SMS' },
  wrongSmsPassCode: { operation: 'enrollFactor', factorType: 'SMS', defects: ['accept-any-passcode'] },
  wrongEmailPassCode: { operation: 'enrollFactor', factorType: 'EMAIL', defects: ['accept-any-passcode'] },
  wrongTotp: { operation: 'enrollFactor', factorType: 'OTP' },
  faceWithoutPhoto: { operation: 'enrollFactor', factorType: 'FACE', defects: ['face-without-photo'] },
  noAccessToken: {
    operation: 'enrollFactor',
    factorType: 'SMS',
    abilities: ['no-token'],
    defects: ['skip-access-token-check'],
  },
  unknownFactorType: { operation: 'enrollFactor', factorType: 'SMS', abilities: ['malformed-body'] },
  missingEnrollmentData: { operation: 'enrollFactor', factorType: 'OTP', abilities: ['malformed-body'] },
  listEnrolled: { operation: 'listEnrolledFactors', factorType: 'SMS' },
  listEnrolledBareToken: {
    operation: 'listEnrolledFactors',
    factorType: 'SMS',
    form: { authorization: 'bare', appIdHeader: 'x-authing-app-id' },
    defects: ['reject-bare-token'],
  },
  listEnrolledGenAuthHeader: {
    operation: 'listEnrolledFactors',
    factorType: 'SMS',
    form: { authorization: 'bare', appIdHeader: 'x-genauth-app-id' },
    defects: ['reject-bare-token'],
  },
  listEnrolledIdToken: {
    operation: 'listEnrolledFactors',
    factorType: 'SMS',
    form: { authorization: 'bearer' },
    abilities: ['id-token'],
    defects: ['reject-id-token'],
  },
  getFactor: { operation: 'getFactor', factorType: 'SMS', defects: ['get-factor-not-found'] },
  getFactorRawPipe: {
    operation: 'getFactor',
    factorType: 'SMS',
    form: { factorIdInQuery: 'raw' },
    defects: ['get-factor-not-found'],
  },
  listFactorsToEnroll: { operation: 'listFactorsToEnroll', factorType: 'SMS' },
  resetFactor: { operation: 'resetFactor', factorType: 'EMAIL' },
  // For an app without EMAIL: OTP, which the Android SDK's tests unbind too.
  resetOtpFactor: { operation: 'resetFactor', factorType: 'OTP', unlessUses: 'EMAIL' },
  resetOthersFactor: { operation: 'resetFactor', factorType: 'SMS', defects: ['reset-any-factor'] },
  totpVerifyWrongCode: { operation: 'mfaOtpVerify', factorType: 'OTP', defects: ['totp-verify-accepts-any'] },
  totpVerifyRightCode: { operation: 'mfaOtpVerify', factorType: 'OTP' },
};

/**
 * Whether a consumer's pact holds an interaction: the app uses its operation and factor type, and the
 * client can call it the way it is about. An interaction about a way of calling the client uses anyway adds
 * nothing to its pact beside the plain one, and is left out.
 */
export function claims(adapter: ConsumerAdapter, key: InteractionKey): boolean {
  const needs = INTERACTION_NEEDS[key];
  if (!adapter.uses.operations.includes(needs.operation)) return false;
  if (!adapter.uses.factorTypes.includes(needs.factorType)) return false;
  if (needs.unlessUses && adapter.uses.factorTypes.includes(needs.unlessUses)) return false;
  if (needs.abilities?.some((ability) => !adapter.abilities.includes(ability))) return false;
  const form = Object.entries(needs.form ?? {}) as [keyof WireForm, string][];
  if (form.some(([aspect, value]) => !(adapter.forms[aspect] as readonly string[]).includes(value))) {
    return false;
  }
  const usual = defaultForm(adapter);
  const redundant =
    form.length > 0 && !needs.abilities && form.every(([aspect, value]) => usual[aspect] === value);
  return !redundant;
}

/** The interactions a consumer's pact holds, in the catalogue's order. */
export function claimedInteractions(adapter: ConsumerAdapter): InteractionKey[] {
  return INTERACTION_KEYS.filter((key) => claims(adapter, key));
}

/** The way a consumer's client calls an interaction: its own, but for what the interaction is about. */
export function formOf(adapter: ConsumerAdapter, key: InteractionKey): WireForm {
  return { ...defaultForm(adapter), ...INTERACTION_NEEDS[key].form };
}

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

/** The key of an interaction, by its description in a pact. */
export function interactionKeyOf(description: string): InteractionKey | undefined {
  return INTERACTION_KEYS.find((key) => INTERACTIONS[key] === description);
}

/** The catalog scenario of a failure interaction, by its description in a pact. */
export function failureScenarioOf(description: string): ErrorScenario | undefined {
  const key = interactionKeyOf(description);
  return key !== undefined && key in FAILURE_SCENARIOS
    ? FAILURE_SCENARIOS[key as FailureInteractionKey]
    : undefined;
}
