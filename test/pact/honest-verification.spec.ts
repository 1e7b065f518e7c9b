import { expect, test } from '@playwright/test';
import { createTestData } from '../../fixtures/data';
import { createEnvironment, type Environment, loadConfig } from '../../src/env';
import { HarnessError } from '../../src/errors';
import { startMock } from '../../src/mock/server';
import { pactSettingsFrom } from '../../src/pact/config';
import { PROVIDER_STATES } from '../../src/pact/interactions/states';
import { readPactFilesSync } from '../../src/pact/pact-file';
import { verifyInteraction, verifyPacts } from '../../src/pact/verification';
import { providerStatesOf } from '../../suites/provider/fixtures';

/**
 * An interaction whose provider state could not be set up never passes: a correct provider refuses a
 * request carrying the pact's example values with the 4xx a failure interaction expects, so such a
 * verification would pass without testing anything.
 */
const settings = pactSettingsFrom({});
const pacts = readPactFilesSync(settings.pactDir).filter((pact) => pact.provider.name === settings.provider);
const interactions = pacts.flatMap((pact) => pact.interactions.map((interaction) => ({ pact, interaction })));

const REFUSED = 'the control plane refuses to create users';

/** The mock's environment, with users that cannot be had and, optionally, no second user. */
function degraded(environment: Environment, { noUsers = false, noSecondUser = false }): Environment {
  const refusing = {
    ...environment.users,
    acquire: async () => {
      throw new HarnessError(REFUSED);
    },
  };
  const { otherUsers: _, ...withoutOther } = environment;
  return {
    ...(noSecondUser ? withoutOther : environment),
    ...(noUsers ? { users: refusing, otherUsers: refusing } : {}),
  };
}

test.describe('provider verification without the provider states it needs', () => {
  test.describe.configure({ mode: 'serial' });
  let mock: Awaited<ReturnType<typeof startMock>>;
  let environment: Environment;

  test.beforeAll(async () => {
    mock = await startMock({ port: 0 });
    environment = await createEnvironment(loadConfig({ TARGET_ENV: 'mock' }), { baseUrl: mock.url });
  });
  test.afterAll(async () => mock.close());

  const statesFor = (target: Environment) => providerStatesOf(target, createTestData({ seed: 1 }));

  test('with every provider state failing, no interaction passes and each names its state and cause', async ({}, testInfo) => {
    test.setTimeout(120_000);
    expect(interactions.length).toBeGreaterThan(20);
    const target = degraded(environment, { noUsers: true });
    const outcomes = [];
    for (const { pact, interaction } of interactions) {
      outcomes.push(
        await verifyInteraction({
          pact,
          interaction,
          providerBaseUrl: mock.url,
          states: statesFor(target),
          workDir: testInfo.outputPath(`pact-${outcomes.length}`),
          logLevel: 'error',
          requestTimeoutMs: 30_000,
        }),
      );
    }
    expect(outcomes.filter((outcome) => outcome.status === 'passed').map((o) => o.description)).toEqual([]);
    for (const outcome of outcomes.filter((o) => o.status === 'failed')) {
      const state = interactions.find((i) => i.interaction.description === outcome.description)?.interaction
        .providerStates?.[0]?.name;
      expect(outcome.mismatches[0]?.problem, outcome.description).toContain(`provider state "${state}"`);
      expect(outcome.mismatches[0]?.problem, outcome.description).toContain(REFUSED);
    }
  });

  test('without a second user, every interaction about another user is skipped, naming the capability', async ({}, testInfo) => {
    const target = degraded(environment, { noSecondUser: true });
    const aboutOthers = interactions.filter(({ interaction }) =>
      interaction.providerStates?.some((state) => state.name === PROVIDER_STATES.othersBoundFactor),
    );
    expect(aboutOthers.length).toBeGreaterThan(0);
    for (const { pact, interaction } of aboutOthers) {
      const outcome = await verifyInteraction({
        pact,
        interaction,
        providerBaseUrl: mock.url,
        states: statesFor(target),
        workDir: testInfo.outputPath('pact'),
        logLevel: 'error',
        requestTimeoutMs: 30_000,
      });
      expect(outcome.status, interaction.description).toBe('skipped');
      expect(outcome.reason).toMatch(/a second user: set GENAUTH_OTHER_ACCESS_TOKEN/);
    }
  });

  test('verifying a whole pact in one run, as from a broker, passes no interaction whose state failed', async () => {
    test.setTimeout(120_000);
    const pactFile = `${settings.pactDir}/${pacts[0] ? `${pacts[0].consumer.name}-${pacts[0].provider.name}.json` : ''}`;
    const failing = await verifyPacts({
      source: { pactUrls: [pactFile] },
      providerBaseUrl: mock.url,
      states: statesFor(degraded(environment, { noUsers: true })),
      logLevel: 'error',
      requestTimeoutMs: 30_000,
    });
    expect(failing.problem).toBeUndefined();
    expect(failing.interactions.length).toBe(pacts[0]?.interactions.length);
    expect(failing.interactions.filter((verdict) => verdict.status === 'passed')).toEqual([]);

    const withoutSecondUser = await verifyPacts({
      source: { pactUrls: [pactFile] },
      providerBaseUrl: mock.url,
      states: statesFor(degraded(environment, { noSecondUser: true })),
      logLevel: 'error',
      requestTimeoutMs: 30_000,
    });
    const skipped = withoutSecondUser.interactions.filter((verdict) => verdict.status === 'skipped');
    expect(skipped.map((verdict) => verdict.state)).toEqual(
      skipped.map(() => expect.stringContaining(PROVIDER_STATES.othersBoundFactor)),
    );
    expect(skipped.length).toBeGreaterThan(0);
    expect(withoutSecondUser.interactions.filter((verdict) => verdict.status === 'failed')).toEqual([]);
  });
});
