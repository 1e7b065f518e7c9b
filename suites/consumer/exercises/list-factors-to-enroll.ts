import { expect } from '@playwright/test';
import type { InteractionKey } from '../../../src/pact/interactions';
import { accepted, type Exercise, operation } from '../interaction';

export const LIST_FACTORS_TO_ENROLL = {
  listFactorsToEnroll: async (client) => {
    const list = operation(client, 'listFactorsToEnroll');
    const offered = accepted(await list(), 'list-factors-to-enroll');
    expect(offered.map((factor) => factor.factorType)).toContain('SMS');
  },
} satisfies Partial<Record<InteractionKey, Exercise>>;
