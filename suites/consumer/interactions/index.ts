import type { InteractionKey } from '../../../src/pact/interactions';
import type { ConsumerInteraction } from '../interaction';
import { ENROLLMENT_INTERACTIONS } from './enrollment';
import { FACTOR_INTERACTIONS } from './factors';

/** Every interaction of the catalogue, as the consumer tests record and drive it. */
export const CONSUMER_INTERACTIONS: Readonly<Record<InteractionKey, ConsumerInteraction>> = {
  ...ENROLLMENT_INTERACTIONS,
  ...FACTOR_INTERACTIONS,
};
