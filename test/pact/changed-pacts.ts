import { expect } from '@playwright/test';
import type { PactFile } from '../../src/pact/pact-file';

/**
 * Copies of `pacts` with the interaction called `description` changed: `change` sees it as the editable shape
 * `Interaction` its test needs. The pacts must have the interaction.
 */
export function withChangedInteraction<Interaction>(
  pacts: readonly PactFile[],
  description: string,
  change: (interaction: Interaction) => void,
): PactFile[] {
  const copies = structuredClone(pacts) as PactFile[];
  const interaction = copies
    .flatMap((pact) => pact.interactions)
    .find((candidate) => candidate.description === description);
  expect(interaction, `the committed pact has "${description}"`).toBeDefined();
  change(interaction as Interaction);
  return copies;
}
