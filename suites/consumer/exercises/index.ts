import type { InteractionKey } from '../../../src/pact/interactions';
import type { Exercise } from '../interaction';
import { ENROLL_FACTOR } from './enroll-factor';
import { ENROLL_FACTOR_REFUSALS } from './enroll-factor-refusals';
import { GET_FACTOR } from './get-factor';
import { LIST_ENROLLED_FACTORS } from './list-enrolled-factors';
import { LIST_FACTORS_TO_ENROLL } from './list-factors-to-enroll';
import { MFA_TOTP_VERIFY } from './mfa-totp-verify';
import { RESET_FACTOR } from './reset-factor';
import { SEND_ENROLL_FACTOR_REQUEST } from './send-enroll-factor-request';

/**
 * How the app goes through each interaction of the catalogue (`src/pact/interactions/`), by its key, one
 * file per operation as there: a record without its exercise does not compile.
 */
export const EXERCISES: Readonly<Record<InteractionKey, Exercise>> = {
  ...SEND_ENROLL_FACTOR_REQUEST,
  ...ENROLL_FACTOR,
  ...ENROLL_FACTOR_REFUSALS,
  ...LIST_ENROLLED_FACTORS,
  ...GET_FACTOR,
  ...LIST_FACTORS_TO_ENROLL,
  ...RESET_FACTOR,
  ...MFA_TOTP_VERIFY,
};
