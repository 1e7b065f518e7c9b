import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { INTERACTIONS } from '../../src/pact/interactions';
import type { StepOutcome } from '../../src/process/steps';
import { runScript } from '../nested-run';
import { categoriesByTest } from './allure-report-data';

/** The pact interaction about an expired enrollment token, as both committed pacts describe it. */
const EXPIRED_TOKEN = INTERACTIONS.expiredToken.uponReceiving;

/**
 * The tests the defect accept-expired-token breaks: an API test (SMS token expiry) and the pact interaction
 * about an expired token, in both committed pacts. The gate runs only these: the verdict and the categories
 * do not depend on how many other tests pass beside them.
 */
const EXPIRY_SELECTION = [
  'suites/api/token-expiry.spec.ts',
  'suites/provider/pact-verification.spec.ts',
  '--grep',
  `SMS enrollment token expiry|${EXPIRED_TOKEN}`,
];
const SUITES_STEP = 'consumer pact tests + provider verification + API suites';

interface GateRun {
  readonly exitCode: number;
  readonly output: string;
  readonly steps: readonly StepOutcome[];
  readonly categories: Map<string, string>;
  failedIn(category: string): string[];
}

/** Runs the real gate on `selection` into a scratch reports directory with the given environment. */
async function runGate(name: string, env: NodeJS.ProcessEnv, selection: readonly string[]): Promise<GateRun> {
  const reportsDir = mkdtempSync(join(tmpdir(), `gate-${name}-`));
  const { exitCode, output } = await runScript('cli/gate.ts', selection, {
    env: { ...env, REPORTS_DIR: reportsDir },
    without: /^(ALLURE_RESULTS_DIR|ALLURE_HISTORY_PATH)$/,
  });
  const steps = JSON.parse(readFileSync(join(reportsDir, 'gate-steps.json'), 'utf8')) as StepOutcome[];
  const categories = categoriesByTest(join(reportsDir, 'allure-report'));
  const failedIn = (category: string) => [...categories].filter(([, c]) => c === category).map(([t]) => t);
  return { exitCode, output, steps, categories, failedIn };
}

const statusOf = (gate: GateRun, step: string) => gate.steps.find((outcome) => outcome.name === step)?.status;

/** One gate against a mock shipping accept-expired-token, shared by the tests that read its outputs. */
const test = base.extend<object, { defectGate: GateRun }>({
  defectGate: [
    async ({}, use) =>
      use(await runGate('defect', { MOCK_DEFECTS: 'accept-expired-token' }, EXPIRY_SELECTION)),
    { scope: 'worker', timeout: 300_000 },
  ],
});

test.describe('a gate against a mock that accepts expired enrollment tokens', () => {
  // One worker runs both, so they share one gate.
  test.describe.configure({ mode: 'default' });

  test('a gate against a mock that ships a provider defect fails and files it under product defect', ({
    defectGate: gate,
  }) => {
    expect(gate.exitCode, gate.output.slice(-3000)).not.toBe(0);
    expect(statusOf(gate, SUITES_STEP), 'the suites failed, not only the quality gate').toBe('failed');
    const productDefects = gate.failedIn('Product defect');
    expect(productDefects).toEqual(
      expect.arrayContaining([
        expect.stringContaining('rejected as expired just after'),
        expect.stringContaining(EXPIRED_TOKEN),
      ]),
    );
    expect([...gate.categories.values()].filter((c) => c !== 'Product defect')).toEqual([]);
  });

  test('provider verification fails against a mock that accepts expired tokens, naming the interaction and the mismatch', ({
    defectGate: { output },
  }) => {
    expect(output).toContain(`does not honour the interaction "${EXPIRED_TOKEN}"`);
    expect(output).toMatch(/\$\.statusCode: Expected '200' to match '\^4\\d\\d\$'/);
    // The interaction is in both committed pacts: the harness's and the official Node SDK's.
    const failedVerifications = output
      .split('\n')
      .filter((line) => /^\s*✘.* › suites\/provider\//.test(line));
    expect(failedVerifications, output.slice(-3000)).toEqual([
      expect.stringContaining(EXPIRED_TOKEN),
      expect.stringContaining(EXPIRED_TOKEN),
    ]);
    expect(failedVerifications.some((line) => line.includes('authing-node-sdk →'))).toBe(true);
    expect(failedVerifications.some((line) => line.includes('mfa-enrollment-app →'))).toBe(true);
  });
});

test('a gate whose environment cannot be reached fails and files it under environment unavailable', async () => {
  test.setTimeout(300_000);
  const gate = await runGate('down', { GENAUTH_BASE_URL: 'http://127.0.0.1:9' }, EXPIRY_SELECTION);
  expect(gate.exitCode, gate.output.slice(-3000)).not.toBe(0);
  expect(statusOf(gate, SUITES_STEP), 'the suites failed, not only the quality gate').toBe('failed');
  const unavailable = gate.failedIn('Environment unavailable');
  expect(unavailable.length).toBeGreaterThan(0);
  expect(gate.failedIn('Product defect')).toEqual([]);
  expect(gate.failedIn('Contract drift')).toEqual([]);
});
