import { defectAnnotations } from '../../fixtures/sensitivity';
import { consumersFrom } from '../../src/consumers/selection';
import { relianceAnnotations } from '../../src/pact/assumed-fields';
import { pactSettingsFrom } from '../../src/pact/config';
import { claimedInteractions, formOf, INTERACTION_NEEDS, INTERACTIONS } from '../../src/pact/interactions';
import { test } from './fixtures';
import { verifyConsumer } from './interaction';
import { CONSUMER_INTERACTIONS } from './interactions';

/**
 * Each consumer's pact, written by its own client: one test per interaction the consumer claims (the
 * operations and factor types its app uses, in the ways its client can call), each recording the
 * interaction and driving the client through it against the Pact mock server.
 */
const settings = pactSettingsFrom();

for (const adapter of await consumersFrom(process.env, settings)) {
  test.describe(`${adapter.consumer} → ${settings.provider}`, () => {
    for (const key of claimedInteractions(adapter)) {
      const needs = INTERACTION_NEEDS[key];
      test(INTERACTIONS[key], {
        tag: ['@consumer', `@${needs.factorType.toLowerCase()}`],
        annotation: [...relianceAnnotations(INTERACTIONS[key]), ...defectAnnotations(needs.defects)],
      }, async ({ pactOf }) => {
        await verifyConsumer(
          pactOf(adapter.consumer),
          adapter,
          key,
          CONSUMER_INTERACTIONS[key],
          formOf(adapter, key),
        );
      });
    }
  });
}
