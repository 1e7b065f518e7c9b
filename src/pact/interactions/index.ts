import type { ErrorScenario } from '../../contract';
import { ENROLL_FACTOR } from './enroll-factor';
import { ENROLL_FACTOR_REFUSALS } from './enroll-factor-refusals';
import { GET_FACTOR } from './get-factor';
import { LIST_ENROLLED_FACTORS } from './list-enrolled-factors';
import { LIST_FACTORS_TO_ENROLL } from './list-factors-to-enroll';
import { MFA_TOTP_VERIFY } from './mfa-totp-verify';
import { type InteractionRecord, isRefusal } from './record';
import { RESET_FACTOR } from './reset-factor';
import { SEND_ENROLL_FACTOR_REQUEST } from './send-enroll-factor-request';

const CATALOGUE = {
  ...SEND_ENROLL_FACTOR_REQUEST,
  ...ENROLL_FACTOR,
  ...ENROLL_FACTOR_REFUSALS,
  ...LIST_ENROLLED_FACTORS,
  ...GET_FACTOR,
  ...LIST_FACTORS_TO_ENROLL,
  ...RESET_FACTOR,
  ...MFA_TOTP_VERIFY,
};

export type InteractionKey = keyof typeof CATALOGUE;

/**
 * Every interaction a consumer's pact may hold, by key, one record each (one file per operation). The
 * consumer tests record those their consumer claims, and a pact file is written only when every one of them
 * passed, so a partial or failed run never replaces a committed contract with a smaller one.
 */
export const INTERACTIONS: Readonly<Record<InteractionKey, InteractionRecord>> = CATALOGUE;

export const INTERACTION_KEYS = Object.keys(INTERACTIONS) as InteractionKey[];

/** The key of an interaction, by its description in a pact. */
export function interactionKeyOf(description: string): InteractionKey | undefined {
  return INTERACTION_KEYS.find((key) => INTERACTIONS[key].uponReceiving === description);
}

/** The record of an interaction, by its description in a pact. */
export function interactionNamed(description: string): InteractionRecord | undefined {
  const key = interactionKeyOf(description);
  return key === undefined ? undefined : INTERACTIONS[key];
}

/** The error catalog scenario an interaction stands for, if it is a refusal. */
export function failureScenarioOf(interaction: InteractionRecord | undefined): ErrorScenario | undefined {
  const response = interaction?.willRespondWith;
  return response && isRefusal(response) ? response.refusal : undefined;
}
