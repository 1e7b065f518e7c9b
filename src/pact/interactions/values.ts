import type { WireForm } from '../../consumers/consumer';
import { EXAMPLE } from '../examples';
import { anyString, fromState, like } from '../matchers';

/** The enrollment token the provider state made. */
export const pendingToken = () => fromState('enrollmentToken', EXAMPLE.enrollmentToken);

/**
 * The state's right code: the one that binds its pending enrollment (delivered for SMS and EMAIL, the
 * current TOTP for OTP), or the current TOTP of its bound OTP factor.
 */
export const rightCode = () => fromState('passCode', EXAMPLE.passCode);

/** A well-formed code the state's pending enrollment or bound OTP factor certainly does not accept. */
export const wrongCode = () => fromState('wrongPassCode', EXAMPLE.wrongPassCode);

/** The profile an OTP or FACE request carries: `{}`, as the OpenAPI requires, or none, as Guard iOS sends it. */
export const emptyProfile = (form: WireForm) => (form.otpFaceProfile === 'empty' ? { profile: {} } : {});

/**
 * A bound SMS factor as the API shows it. `profile` is matched as an object of any content: the official
 * FactorDto declares it without properties, so the app must not rely on `phoneNumber` in it.
 */
export const boundSmsFactor = () => ({
  factorId: anyString(EXAMPLE.factorId),
  factorType: 'SMS',
  profile: like({}),
});
