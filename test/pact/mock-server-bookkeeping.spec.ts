import type { ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { PactV4, SpecificationVersion } from '@pact-foundation/pact';
import { expect, test } from '@playwright/test';
import { EnrollFactorClient } from '../../src/client';
import { OPERATIONS } from '../../src/contract';
import { EXAMPLE } from '../../src/pact/examples';
import { requestHeaders, successBody } from '../../src/pact/matchers';
import { thenRecorded } from '../../src/pact/mock-server';
import { start, stopTree } from '../../src/process/run';
import { HEAVY } from '../heavy';

/**
 * A consumer test that got its answer passes, however busy the machine: pact-js asks the mock server whether
 * it received every expected request the moment the test's callback returns, and pact-core 19's mock server
 * records a match after answering (src/pact/mock-server.ts). With every core busy, about one exchange in a
 * hundred lost that race before the consumer tests waited for the record (`thenRecorded`).
 */
const EXCHANGES = 800;

/** One busy process per core for as long as the test runs: the pressure under which the race shows. */
function loadEveryCore(): ChildProcess[] {
  return Array.from(
    { length: availableParallelism() },
    () => start(process.execPath, ['-e', 'for (;;) {}']).child,
  );
}

test(
  'the Pact mock server has recorded every request it answered when the consumer test ends',
  HEAVY,
  async ({}, testInfo) => {
    test.setTimeout(120_000);
    const busy = loadEveryCore();
    const misses: string[] = [];
    try {
      for (let round = 0; round < EXCHANGES; round++) {
        const pact = new PactV4({
          consumer: 'bookkeeping-consumer',
          provider: 'bookkeeping-provider',
          dir: testInfo.outputPath('pacts'),
          spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
          logLevel: 'error',
        });
        const { method, path } = OPERATIONS.listEnrolledFactors;
        await pact
          .addInteraction()
          .uponReceiving('list-enrolled-factors, answered at once')
          .withRequest(method, path, (request) => request.headers(requestHeaders()))
          .willRespondWith(200, (response) => response.jsonBody(successBody('listEnrolledFactors', [])))
          .executeTest(
            thenRecorded(async (server) => {
              const client = new EnrollFactorClient({
                baseUrl: server.url,
                accessToken: EXAMPLE.accessToken,
                appId: EXAMPLE.appId,
              });
              await client.listEnrolledFactors();
            }),
          )
          .catch((error: Error) => {
            const reason = error.message.match(/The following request was expected but not received/)?.[0];
            misses.push(`exchange ${round + 1}: ${reason ?? error.message}`);
          });
      }
    } finally {
      await Promise.all(busy.map((child) => stopTree(child, 0)));
    }
    expect(
      misses,
      `${misses.length} of ${EXCHANGES} answered exchanges were reported as not received`,
    ).toEqual([]);
  },
);
