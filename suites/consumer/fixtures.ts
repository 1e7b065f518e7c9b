import { PactV4, SpecificationVersion } from '@pact-foundation/pact';
import { expect } from '@playwright/test';
import { workerTest } from '../../fixtures/worker';
import { type ApiResult, EnrollFactorClient } from '../../src/client';
import { ERROR_CATALOG, type ErrorScenario, type OperationName } from '../../src/contract';
import { EXAMPLE } from '../../src/pact/examples';
import { pinnedFields } from '../../src/pact/matchers';
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

/**
 * What the enrolling app sees of a failure: a failure envelope of the catalog's class, and exactly the
 * fields the pact pins (documented, or relied on); an assumed apiCode is not promised, so none arrives.
 */
export function expectAppSeesFailure(result: ApiResult<OperationName>, scenario: ErrorScenario): void {
  const entry = ERROR_CATALOG[scenario];
  const pinned = pinnedFields(scenario);
  expect(result.ok, `${scenario} must be answered with a failure envelope`).toBe(false);
  if (result.ok) return;
  expect(result.httpStatus).toBe(entry.httpStatus);
  if (pinned.includes('statusCode')) expect(result.error.statusCode).toBe(entry.statusCode);
  else expect(String(result.error.statusCode)).toMatch(/^4\d\d$/);
  expect(result.error.apiCode).toBe(
    pinned.includes('apiCode') && 'apiCode' in entry ? entry.apiCode : undefined,
  );
}

export { expect };
