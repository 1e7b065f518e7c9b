import { mergeTests } from '@playwright/test';
import { EnrollmentKit } from '../../fixtures/enrollment';
import { dataTest, reportExchange } from '../../fixtures/harness';
import { workerTest } from '../../fixtures/worker';
import { EnrollFactorClient } from '../../src/client';
import type { PactFile, PactInteraction } from '../../src/pact/pact-file';
import { ProviderStates } from '../../src/pact/provider-states';
import { type VerificationOutcome, verifyInteraction } from '../../src/pact/verification';

interface ProviderFixtures {
  /** The provider states of this test, set up through the target environment's capabilities. */
  providerStates: ProviderStates;
  /** Verifies one interaction of a pact against the target environment. */
  verify: (pact: PactFile, interaction: PactInteraction) => Promise<VerificationOutcome>;
}

export const test = mergeTests(workerTest, dataTest).extend<ProviderFixtures>({
  providerStates: async ({ environment, testData }, use) => {
    const states = new ProviderStates({
      users: environment.users,
      ...(environment.otherUsers ? { otherUsers: environment.otherUsers } : {}),
      clock: environment.clock,
      enrollmentTokenTtlMs: environment.enrollmentTokenTtlMs,
      expiryMarginMs: environment.config.expiryMarginMs,
      userFor: (factorType) => (factorType === 'FACE' ? { email: testData.email() } : {}),
      kitFor: (user) =>
        new EnrollmentKit(
          environment,
          user,
          new EnrollFactorClient({
            baseUrl: environment.baseUrl,
            appId: user.appId,
            accessToken: user.accessToken,
            onExchange: reportExchange,
          }),
          testData,
        ),
    });
    await use(states);
    await states.tearDown();
  },

  verify: async ({ environment, providerStates, pactSettings }, use, testInfo) => {
    await use((pact, interaction) =>
      verifyInteraction({
        pact,
        interaction,
        providerBaseUrl: environment.baseUrl,
        states: providerStates,
        workDir: testInfo.outputPath('pact'),
        logLevel: pactSettings.logLevel,
      }),
    );
  },
});

export { expect } from '@playwright/test';
