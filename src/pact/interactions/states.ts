import type { FactorType } from '../../contract';

/**
 * The provider states the interaction records are `given`, which the handlers of `../provider-states.ts`
 * set up. Each takes `{ factorType }` as its parameter and returns the values the provider generated, which
 * the pact injects into requests with `fromProviderState('${name}')`.
 */
export const PROVIDER_STATES = {
  /** A logged-in user whose application enables the factor type, which is not bound yet. */
  canEnroll: 'a user who can enroll a factor',
  /** `canEnroll`, plus a send-enroll-factor-request made a moment ago. */
  pendingEnrollment: 'a user with a pending enrollment',
  /** `pendingEnrollment`, with the enrollment token's lifetime (60 s) passed. */
  expiredEnrollment: 'a user with an expired enrollment',
  /** A user who has the factor type bound. */
  boundFactor: 'a user with a bound factor',
  /** A user, and another user who has the factor type bound. */
  othersBoundFactor: "a user and another user's bound factor",
} as const;

export type ProviderStateKey = keyof typeof PROVIDER_STATES;
export type ProviderStateName = (typeof PROVIDER_STATES)[ProviderStateKey];

/** The parameters every state takes (a type, so that pact-js takes it as the JSON map it is). */
export type ProviderStateParams = {
  readonly factorType: FactorType;
};

/** What a state handler returns; the names are the `fromProviderState` expressions of the pacts. */
export interface ProviderStateValues {
  /** `canEnroll` for SMS and every later state for SMS: the phone number the provider sends codes to. */
  phoneNumber?: string;
  /** As `phoneNumber`, for EMAIL. */
  email?: string;
  /** `pendingEnrollment`, `expiredEnrollment`. */
  enrollmentToken?: string;
  /**
   * `pendingEnrollment`, `expiredEnrollment` for SMS, EMAIL and OTP: the code that would bind the factor;
   * `boundFactor` for OTP: the current TOTP code of the bound factor.
   */
  passCode?: string;
  /** `pendingEnrollment` for SMS, EMAIL and OTP, `boundFactor` for OTP: a well-formed code that is certainly not accepted. */
  wrongPassCode?: string;
  /** `pendingEnrollment` for FACE: a photo URL the provider accepts with `isExternalPhoto: true`. */
  photo?: string;
  /** `boundFactor`; `othersBoundFactor`: the factor of the other user. */
  factorId?: string;
}

export type ProviderStateValueName = keyof ProviderStateValues;

export function isProviderStateName(name: string): name is ProviderStateName {
  return (Object.values(PROVIDER_STATES) as string[]).includes(name);
}

/** The `${name}` expression `fromProviderState` takes. */
export function stateExpression(name: ProviderStateValueName): string {
  return `\${${name}}`;
}
