import { defectAnnotations } from '../../fixtures/sensitivity';
import { DEFAULT_TARGET_ENV } from '../../src/config/target';
import { loadEnvFiles } from '../../src/env/env-files';
import { prefixed } from '../../src/errors';
import { relianceAnnotations } from '../../src/pact/assumed-fields';
import { brokerSettingsFrom } from '../../src/pact/broker/settings';
import { verificationSource } from '../../src/pact/broker/source';
import { brokerVerifierOptions, pactUrlVerifierOptions } from '../../src/pact/broker/verifier-options';
import { pactSettingsFrom } from '../../src/pact/config';
import { interactionNamed } from '../../src/pact/interactions';
import { readPactFilesSync } from '../../src/pact/pact-file';
import { formatMismatches, type PactSource } from '../../src/pact/verification';
import { expect, reportVerdicts, test } from './fixtures';

const settings = pactSettingsFrom();
const onEmbeddedMock = loadEnvFiles().targetEnv === DEFAULT_TARGET_ENV;

/** The verification of every pact a source holds, in one verifier run, each interaction reported on its own. */
function verifiesInOneRun(title: string, source: () => PactSource) {
  test(title, { tag: ['@provider'] }, async ({ verifyAll, environment }) => {
    const verification = await verifyAll(source());
    expect(verification.problem, prefixed(`the verifier could not run: ${verification.problem}`)).toBe(
      undefined,
    );
    const failed = reportVerdicts(verification, settings.provider, environment.baseUrl);
    expect(failed, 'interactions the provider does not honour (pending ones aside)').toEqual([]);
  });
}

const source = verificationSource(process.env);

if (source === 'url') {
  verifiesInOneRun(`the pact at PACT_URL is honoured by ${settings.provider}`, () =>
    pactUrlVerifierOptions(process.env, brokerSettingsFrom(process.env, 'fetch the pact from')),
  );
} else if (source === 'broker') {
  verifiesInOneRun(`the pacts the broker selects for ${settings.provider} are honoured`, () =>
    brokerVerifierOptions(process.env, brokerSettingsFrom(process.env, 'verify pacts from'), settings),
  );
} else {
  const pacts = readPactFilesSync(settings.pactDir).filter(
    (pact) => pact.provider.name === settings.provider,
  );

  test('there are pacts to verify', { tag: ['@provider'] }, () => {
    expect(
      pacts.length,
      prefixed(
        `no pact for provider ${settings.provider} in ${settings.pactDir}; run \`npm run pact:consumer\` first`,
      ),
    ).toBeGreaterThan(0);
  });

  for (const pact of pacts) {
    test.describe(`${pact.consumer.name} → ${pact.provider.name}`, () => {
      // On the embedded mock a worker verifies a whole pact at once and each test reads its verdict: a pact's
      // interactions on one worker verify it once, where spread over every worker each would verify it again.
      if (onEmbeddedMock) test.describe.configure({ mode: 'default' });
      for (const interaction of pact.interactions) {
        const states = (interaction.providerStates ?? []).map((state) => ({
          type: 'provider state',
          description: `${state.name} ${JSON.stringify(state.params ?? {})}`,
        }));
        const record = interactionNamed(interaction.description);
        test(interaction.description, {
          tag: ['@provider'],
          annotation: [...relianceAnnotations(record), ...states, ...defectAnnotations(record?.catches)],
        }, async ({ verify, environment }) => {
          const outcome = await verify(pact, interaction);
          test.skip(outcome.status === 'skipped', outcome.reason);
          expect(outcome.status, formatMismatches(outcome, environment.baseUrl)).toBe('passed');
        });
      }
    });
  }
}
