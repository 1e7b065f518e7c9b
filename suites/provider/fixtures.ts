import { join } from 'node:path';
import { mergeTests } from '@playwright/test';
import type { TestData } from '../../fixtures/data';
import { dataTest, reportExchange } from '../../fixtures/harness';
import { sensitivityTest, withClaimedDefects } from '../../fixtures/sensitivity';
import { UNSTEPPED, workerTest } from '../../fixtures/worker';
import { EnrollFactorClient } from '../../src/client';
import { byProof } from '../../src/contract';
import { EnrollmentKit } from '../../src/enrollment/kit';
import type { Environment } from '../../src/env';
import type { PactFile, PactInteraction } from '../../src/pact/pact-file';
import { ProviderStates } from '../../src/pact/provider-states';
import {
  formatMismatches,
  missingCapabilityOf,
  outcomeOf,
  type PactSource,
  type PactsVerification,
  STATE_SETUP_URL_NOTICE,
  type VerificationOutcome,
  verifyInteraction,
  verifyPacts,
  verifyWholePact,
} from '../../src/pact/verification';
import { leaveNotice } from '../../src/report/notices';
import { reportPaths } from '../../src/report/paths';
import { reportStep } from '../../src/report/report-step';
import { writeAllureResult } from '../../src/report/synthetic-result';

/** A title as a file name: what a person can read of it, and nothing a file system minds. */
const fileNameOf = (title: string) =>
  title
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);

/**
 * This worker's verifications of whole pacts against its embedded mock, by pact. Module state, not a
 * worker fixture: a worker fixture of their own would keep the provider tests off the workers the other
 * suites have started, and a run would start two more.
 */
const wholePactVerifications = new Map<PactFile, Promise<PactsVerification>>();

interface ProviderFixtures {
  /** The provider states of this test, set up through the target environment's capabilities. */
  providerStates: ProviderStates;
  /** Verifies one interaction of a pact against the target environment. */
  verify: (pact: PactFile, interaction: PactInteraction) => Promise<VerificationOutcome>;
  /** Verifies every pact of a source (the broker's selection, or `PACT_URL`) in one verifier run. */
  verifyAll: (source: PactSource) => Promise<PactsVerification>;
}

/** The provider states of the pacts, set up through what `environment` can do, with `testData`'s recipients. */
export function providerStatesOf(environment: Environment, testData: TestData): ProviderStates {
  return new ProviderStates({
    users: environment.users,
    ...(environment.otherUsers ? { otherUsers: environment.otherUsers } : {}),
    clock: environment.clock,
    enrollmentTokenTtlMs: environment.enrollmentTokenTtlMs,
    expiryMarginMs: environment.config.expiryMarginMs,
    // A face is bound only for a user with a phone number or email (1703).
    userFor: (factorType) =>
      byProof(factorType, { photo: { email: testData.email() }, totp: {}, 'delivered code': {} }),
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
        reportStep,
      ),
  });
}

const providerTest = mergeTests(workerTest, dataTest, sensitivityTest).extend<ProviderFixtures>({
  providerStates: [
    async ({ environment, testData }, use) => {
      const states = providerStatesOf(environment, testData);
      await use(states);
      await states.tearDown();
    },
    UNSTEPPED,
  ],

  verify: [
    async ({ environment, providerStates, pactSettings, provokedDefect }, use, testInfo) => {
      const { stateSetupMs, userWaitMs } = environment.timing;
      leaveNotice(testInfo, STATE_SETUP_URL_NOTICE);
      const options = {
        providerBaseUrl: environment.baseUrl,
        states: providerStates,
        workDir: testInfo.outputPath('pact'),
        logLevel: pactSettings.logLevel,
        // A state waits for its designated user inside the verifier's state change.
        requestTimeoutMs: stateSetupMs + userWaitMs,
      };
      const logOf = (pact: PactFile, name: string) =>
        join(
          reportPaths().logs,
          'pact-verifier',
          `${pact.consumer.name}-${pact.provider.name}`,
          `${name}.log`,
        );
      // Where states are set up in no time (the embedded mock, virtual clock), a worker verifies each pact
      // in one verifier run and every test reads its interaction's verdict; a copy under a provoked defect
      // verifies its interaction against the mock shipping it. Elsewhere a state may wait out a TTL, so each
      // interaction is verified in its own test's time budget, and re-run on its own.
      const batched = environment.clock.virtual && provokedDefect === undefined;
      await use(async (pact, interaction) => {
        if (!batched) {
          const logFile = logOf(pact, fileNameOf(interaction.description));
          return verifyInteraction({ ...options, pact, interaction, logFile });
        }
        const lacking = missingCapabilityOf(interaction, providerStates);
        if (lacking) {
          return {
            description: interaction.description,
            status: 'skipped',
            reason: lacking,
            mismatches: [],
            durationMs: 0,
          };
        }
        let verification = wholePactVerifications.get(pact);
        if (!verification) {
          // One run per pact and worker: a worker's index is never reused within a run.
          const logFile = logOf(pact, `worker-${testInfo.workerIndex}`);
          verification = verifyWholePact({ ...options, pact, logFile });
          wholePactVerifications.set(pact, verification);
        }
        return outcomeOf(await verification, interaction);
      });
    },
    UNSTEPPED,
  ],

  verifyAll: [
    async ({ environment, providerStates, pactSettings }, use, testInfo) => {
      const { stateSetupMs, userWaitMs } = environment.timing;
      leaveNotice(testInfo, STATE_SETUP_URL_NOTICE);
      await use((source) =>
        verifyPacts({
          source,
          providerBaseUrl: environment.baseUrl,
          states: providerStates,
          logLevel: pactSettings.logLevel,
          requestTimeoutMs: stateSetupMs + userWaitMs,
          logFile: join(reportPaths().logs, 'pact-verifier', `${fileNameOf(testInfo.title)}.log`),
        }),
      );
    },
    UNSTEPPED,
  ],
});

export { expect } from '@playwright/test';

export const test = withClaimedDefects(providerTest);

/**
 * Every interaction of a run of many into the report, each as a result of its own (pending ones tagged
 * `pending`), and on the running test as an annotation. Answers the interactions that fail it: failed and
 * not pending.
 */
export function reportVerdicts(
  verification: PactsVerification,
  provider: string,
  providerBaseUrl: string,
): string[] {
  const { allureResults } = reportPaths();
  const info = test.info();
  const stopMs = Date.now();
  const failing: string[] = [];
  for (const verdict of verification.interactions) {
    const name = `${verdict.consumer ?? 'a consumer'} → ${provider} › ${verdict.description}`;
    const message =
      verdict.status === 'failed'
        ? formatMismatches(
            { ...verdict, durationMs: 0, ...(verification.log ? { log: verification.log } : {}) },
            providerBaseUrl,
          )
        : verdict.reason;
    writeAllureResult(allureResults, {
      name,
      status: verdict.status,
      message,
      startMs: stopMs - verification.durationMs,
      stopMs,
      layer: 'provider verification',
      suite: 'provider',
      tags: verdict.pending ? ['pending'] : [],
    });
    info.annotations.push({
      type: verdict.pending ? `${verdict.status} (pending)` : verdict.status,
      description: name,
    });
    if (verdict.status === 'failed' && !verdict.pending) failing.push(message ?? name);
  }
  return failing;
}
