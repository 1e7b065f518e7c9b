import { EXAMPLE } from '../../../src/pact/examples';
import type { InteractionKey } from '../../../src/pact/interactions';
import { accepted, type Exercise, expectAppSeesFailure, operation } from '../interaction';

const unbinds =
  (factorId: string): Exercise =>
  async (client) => {
    const reset = operation(client, 'resetFactor');
    accepted(await reset({ factorId }), 'reset-factor');
  };

export const RESET_FACTOR = {
  resetFactor: unbinds(EXAMPLE.emailFactorId),
  resetOtpFactor: unbinds(EXAMPLE.otpFactorId),
  resetOthersFactor: async (client, _form, interaction) => {
    const reset = operation(client, 'resetFactor');
    expectAppSeesFailure(await reset({ factorId: EXAMPLE.factorId }), interaction);
  },
} satisfies Partial<Record<InteractionKey, Exercise>>;
