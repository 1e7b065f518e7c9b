import { defectAnnotations } from '../../fixtures/sensitivity';
import { consumersFrom } from '../../src/consumers/selection';
import { relianceAnnotations } from '../../src/pact/assumed-fields';
import { pactSettingsFrom } from '../../src/pact/config';
import { INTERACTIONS } from '../../src/pact/interactions';
import { claimedInteractions, formOf } from '../../src/pact/interactions/claims';
import { EXERCISES } from './exercises';
import { test } from './fixtures';
import { verifyConsumer } from './interaction';

/**
 * Each consumer's pact, written by its own client: one test per interaction the consumer claims (the
 * operations and factor types its app uses, in the ways its client can call), each recording the
 * interaction and driving the client through it against the Pact mock server.
 */
const settings = pactSettingsFrom();

for (const adapter of await consumersFrom(process.env, settings)) {
  test.describe(`${adapter.consumer} → ${settings.provider}`, () => {
    // A consumer's tests on one worker: its client (the official SDK is some 1,000 files) loads once per run.
    test.describe.configure({ mode: 'default' });
    for (const key of claimedInteractions(adapter)) {
      const interaction = INTERACTIONS[key];
      test(interaction.uponReceiving, {
        tag: ['@consumer', `@${interaction.given.params.factorType.toLowerCase()}`],
        annotation: [...relianceAnnotations(interaction), ...defectAnnotations(interaction.catches)],
      }, async ({ pactOf }) => {
        await verifyConsumer(
          pactOf(adapter.consumer),
          adapter,
          interaction,
          EXERCISES[key],
          formOf(adapter, key),
        );
      });
    }
  });
}
