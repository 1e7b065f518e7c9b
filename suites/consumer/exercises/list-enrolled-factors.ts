import { expect } from '@playwright/test';
import { EXAMPLE } from '../../../src/pact/examples';
import type { InteractionKey } from '../../../src/pact/interactions';
import { accepted, type Exercise, operation } from '../interaction';

/** The app lists the user's factors and finds the bound SMS one, with no profile content to rely on. */
const findsBoundSms: Exercise = async (client) => {
  const list = operation(client, 'listEnrolledFactors');
  const factors = accepted(await list(), 'list-enrolled-factors');
  const sms = factors.find((factor) => factor.factorType === 'SMS');
  expect(sms?.factorId).toBe(EXAMPLE.factorId);
  expect(sms?.profile).toEqual({});
};

export const LIST_ENROLLED_FACTORS = {
  listEnrolled: findsBoundSms,
  listEnrolledBareToken: findsBoundSms,
  listEnrolledGenAuthHeader: findsBoundSms,
  listEnrolledIdToken: findsBoundSms,
} satisfies Partial<Record<InteractionKey, Exercise>>;
