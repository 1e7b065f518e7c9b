import type { PactV4 } from '@pact-foundation/pact';
import { UNSTEPPED, workerTest } from '../../fixtures/worker';
import { fragmentDir, markFailed } from '../../src/pact/staging';

process.env.PACT_DO_NOT_TRACK ??= 'true';

export interface ConsumerFixtures {
  /** A Pact V4 builder of `consumer`'s pact, written to this test's staging directory (one interaction per test). */
  pactOf: (consumer: string) => PactV4;
}

export const test = workerTest.extend<ConsumerFixtures>({
  pactOf: [
    async ({ pactSettings }, use, testInfo) => {
      // Loaded by the test that needs it, not while Playwright loads every spec file before the first test.
      const { PactV4, SpecificationVersion } = await import('@pact-foundation/pact');
      await use(
        (consumer) =>
          new PactV4({
            consumer,
            provider: pactSettings.provider,
            dir: fragmentDir(pactSettings.pactDir, testInfo.testId),
            spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
            logLevel: pactSettings.logLevel,
          }),
      );
      if (testInfo.status !== testInfo.expectedStatus) {
        await markFailed(pactSettings.pactDir, testInfo.testId, testInfo.title);
      }
    },
    UNSTEPPED,
  ],
});
