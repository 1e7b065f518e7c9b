import { prefixed } from '../../src/errors';
import { gitFacts } from '../../src/git';
import { relianceAnnotations } from '../../src/pact/assumed-fields';
import {
  brokerSettingsFrom,
  brokerVerifierOptions,
  verificationSource,
  versionInfoFrom,
} from '../../src/pact/broker';
import { pactSettingsFrom } from '../../src/pact/config';
import { readPactFilesSync } from '../../src/pact/pact-file';
import { formatMismatches, verifyFromBroker } from '../../src/pact/verification';
import { expect, test } from './fixtures';

const settings = pactSettingsFrom();

if (verificationSource(process.env) === 'broker') {
  test(`the pacts the broker selects for ${settings.provider} are honoured`, async ({
    environment,
    providerStates,
  }) => {
    const broker = brokerSettingsFrom(process.env, 'verify pacts from');
    const outcome = await verifyFromBroker({
      verifierOptions: brokerVerifierOptions(
        process.env,
        broker,
        settings,
        versionInfoFrom(process.env, gitFacts()),
      ),
      providerBaseUrl: environment.baseUrl,
      states: providerStates,
      logLevel: settings.logLevel,
    });
    expect(outcome.passed, formatMismatches(outcome, environment.baseUrl)).toBe(true);
  });
} else {
  const pacts = readPactFilesSync(settings.pactDir).filter(
    (pact) => pact.provider.name === settings.provider,
  );

  test('there are pacts to verify', () => {
    expect(
      pacts.length,
      prefixed(
        `no pact for provider ${settings.provider} in ${settings.pactDir}; run \`npm run pact:consumer\` first`,
      ),
    ).toBeGreaterThan(0);
  });

  for (const pact of pacts) {
    test.describe(`${pact.consumer.name} → ${pact.provider.name}`, () => {
      for (const interaction of pact.interactions) {
        test(interaction.description, async ({ verify, environment }) => {
          test.info().annotations.push(...relianceAnnotations(interaction.description));
          for (const state of interaction.providerStates ?? []) {
            test.info().annotations.push({
              type: 'provider state',
              description: `${state.name} ${JSON.stringify(state.params ?? {})}`,
            });
          }
          const outcome = await verify(pact, interaction);
          expect(outcome.passed, formatMismatches(outcome, environment.baseUrl)).toBe(true);
        });
      }
    });
  }
}
