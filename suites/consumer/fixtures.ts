import { PactV4, SpecificationVersion } from '@pact-foundation/pact';
import { workerTest } from '../../fixtures/worker';
import { EnrollFactorClient } from '../../src/client';
import { EXAMPLE } from '../../src/pact/examples';
import { fragmentDir, markFailed } from '../../src/pact/staging';

process.env.PACT_DO_NOT_TRACK ??= 'true';

export interface ConsumerFixtures {
  /** A Pact V4 builder whose file goes to this test's staging directory (one interaction per test). */
  pact: PactV4;
  /** The consumer's typed client, pointed at a Pact mock server, as the enrolling app would use it. */
  clientFor: (mockServerUrl: string) => EnrollFactorClient;
}

export const test = workerTest.extend<ConsumerFixtures>({
  pact: async ({ pactSettings }, use, testInfo) => {
    const pact = new PactV4({
      consumer: pactSettings.consumer,
      provider: pactSettings.provider,
      dir: fragmentDir(pactSettings.pactDir, testInfo.testId),
      spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
      logLevel: pactSettings.logLevel,
    });
    await use(pact);
    if (testInfo.status !== testInfo.expectedStatus) {
      await markFailed(pactSettings.pactDir, testInfo.testId, testInfo.title);
    }
  },

  clientFor: async ({}, use) => {
    await use(
      (mockServerUrl) =>
        new EnrollFactorClient({
          baseUrl: mockServerUrl,
          accessToken: EXAMPLE.accessToken,
          appId: EXAMPLE.appId,
        }),
    );
  },
});

export { expect } from '@playwright/test';
