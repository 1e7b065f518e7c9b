import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { pactSettingsFrom } from '../../src/pact/config';
import { readPactFilesSync } from '../../src/pact/pact-file';
import { verifiedInteractions } from '../../src/pact/verifier-report';
import { suiteArgs } from '../../src/suites';
import { HEAVY } from '../heavy';
import { runPlaywright } from '../nested-run';

const settings = pactSettingsFrom({});

test("a run of many interactions reports each from the verifier's JSON, pending failures marked", () => {
  const report = {
    result: false,
    errors: [
      {
        interaction:
          'Verifying a pact between web-app and genauth Given a user with a bound factor - reset-factor unbinds',
        mismatch: {
          type: 'mismatches',
          mismatches: [{ type: 'BodyMismatch', path: '$.statusCode', mismatch: 'Expected 200' }],
        },
      },
    ],
    pendingErrors: [
      {
        interaction: 'Verifying a pact between ios-app and genauth - get-factor reads a factor',
        mismatch: { type: 'error', message: 'Request Failed - timeout' },
      },
    ],
    interactionResults: [
      { description: 'reset-factor unbinds', result: 'Failure' },
      { description: 'get-factor reads a factor', result: 'Failure', pending: true },
      { description: 'list-factors-to-enroll lists the types', result: 'Success' },
    ],
  };
  expect(verifiedInteractions(report)).toEqual([
    {
      consumer: 'web-app',
      state: 'a user with a bound factor',
      description: 'reset-factor unbinds',
      passed: false,
      pending: false,
      mismatches: [{ path: '$.statusCode', problem: 'Expected 200' }],
    },
    {
      consumer: 'ios-app',
      description: 'get-factor reads a factor',
      passed: false,
      pending: true,
      mismatches: [{ path: 'error', problem: 'Request Failed - timeout' }],
    },
    { description: 'list-factors-to-enroll lists the types', passed: true, pending: false, mismatches: [] },
  ]);
});

test(
  'PACT_URL verifies that one pact in one run, and the report holds a result per interaction',
  HEAVY,
  async ({}, testInfo) => {
    test.setTimeout(120_000);
    const [pact] = readPactFilesSync(settings.pactDir);
    expect(pact).toBeDefined();
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(pact));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const reportsDir = testInfo.outputPath('reports');
    try {
      const { exitCode: code, output } = await runPlaywright(
        [...suiteArgs('provider'), '--reporter=line', `--output=${reportsDir}/out`],
        {
          env: {
            TARGET_ENV: 'mock',
            REPORTS_DIR: reportsDir,
            PACT_BROKER_BASE_URL: 'https://broker.example.com',
            PACT_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/pacts/${pact?.consumer.name}`,
          },
          without: /^(MOCK_|PACT_|GENAUTH_)/,
        },
      );
      expect(code, output).toBe(0);
      expect(output).toMatch(/1 passed/);
      const resultsDir = join(reportsDir, 'allure-results');
      const results = readdirSync(resultsDir)
        .filter((name) => name.endsWith('-result.json'))
        .map(
          (name) =>
            JSON.parse(readFileSync(join(resultsDir, name), 'utf8')) as { name: string; status: string },
        );
      const perInteraction = results.filter((result) => result.name.includes(' › '));
      expect(perInteraction.map((result) => result.name).sort()).toEqual(
        (pact?.interactions ?? [])
          .map((i) => `${pact?.consumer.name} → ${pact?.provider.name} › ${i.description}`)
          .sort(),
      );
      expect(perInteraction.every((result) => result.status === 'passed')).toBe(true);
    } finally {
      server.close();
    }
  },
);
