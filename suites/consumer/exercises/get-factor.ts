import { expect } from '@playwright/test';
import { EXAMPLE } from '../../../src/pact/examples';
import type { InteractionKey } from '../../../src/pact/interactions';
import { accepted, type Exercise, operation } from '../interaction';

/** The app reads the bound SMS factor by its id, however its client writes the `|`. */
const readsBoundSms: Exercise = async (client) => {
  const get = operation(client, 'getFactor');
  const factor = accepted(await get({ factorId: EXAMPLE.factorId }), 'get-factor');
  expect(factor).toMatchObject({ factorId: EXAMPLE.factorId, factorType: 'SMS' });
};

export const GET_FACTOR = {
  getFactor: readsBoundSms,
  getFactorRawPipe: readsBoundSms,
} satisfies Partial<Record<InteractionKey, Exercise>>;
