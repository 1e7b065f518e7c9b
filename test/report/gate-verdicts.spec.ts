import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { INTERACTIONS } from '../../src/pact/interactions';
import { STATE_SETUP_URL_NOTICE } from '../../src/pact/verification';
import type { StepOutcome } from '../../src/process/steps';
import { HEAVY } from '../heavy';
import { runScript } from '../nested-run';
import { startSink } from '../notify/sink';
import { categoriesByTest, reportTotals } from './allure-report-data';

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
const REPORT_URL = 'https://reports.example.com/enroll-factor-harness/gate';

interface GateRun {
  readonly exitCode: number;
  readonly output: string;
  readonly reportsDir: string;
  readonly steps: readonly StepOutcome[];
  readonly categories: Map<string, string>;
  readonly totals: ReturnType<typeof reportTotals>;
  readonly posts: readonly { path: string; body: unknown }[];
  failedIn(category: string): string[];
}

/** Runs the real gate on `selection` into a scratch reports directory, with a sink taking its summary post. */
async function runGate(name: string, env: NodeJS.ProcessEnv, selection: readonly string[]): Promise<GateRun> {
  const reportsDir = mkdtempSync(join(tmpdir(), `gate-${name}-`));
  const sink = await startSink();
  const { exitCode, output } = await runScript('cli/gate.ts', selection, {
    env: { ...env, REPORTS_DIR: reportsDir, NOTIFY_WEBHOOK_URL: `${sink.url}/hooks/harness`, REPORT_URL },
    without: /^(ALLURE_RESULTS_DIR|ALLURE_HISTORY_PATH|NOTIFY_\w+)$/,
  }).finally(() => sink.close());
  const steps = JSON.parse(readFileSync(join(reportsDir, 'gate-steps.json'), 'utf8')) as StepOutcome[];
  const report = join(reportsDir, 'allure-report');
  const categories = categoriesByTest(report);
  const failedIn = (category: string) => [...categories].filter(([, c]) => c === category).map(([t]) => t);
  return {
    exitCode,
    output,
    reportsDir,
    steps,
    categories,
    totals: reportTotals(report),
    posts: sink.received,
    failedIn,
  };
}

const statusOf = (gate: GateRun, step: string) => gate.steps.find((outcome) => outcome.name === step)?.status;

/**
 * A run's output without the failures' details, which the list reporter prints after the progress lines
 * (from `  1) [project] › …` up to the totals): what a passing run of the same tests prints, give or take the
 * names of the failed tests in the totals.
 */
function withoutFailureDetails(output: string): string[] {
  const lines = output.split('\n');
  const first = lines.findIndex((line) => /^ {2}1\) \[/.test(line));
  if (first < 0) return lines;
  const totals = lines.findIndex(
    (line, index) => index > first && /^ {2}\d+ (failed|flaky|passed|skipped)/.test(line),
  );
  return [...lines.slice(0, first), ...lines.slice(totals < 0 ? lines.length : totals)];
}

/** How many tests a run counted, from the list reporter's totals. */
function testsCounted(output: string): number {
  return [...output.matchAll(/^ {2}(\d+) (?:failed|flaky|passed|skipped|did not run)/gm)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
}

/** One gate against a mock shipping accept-expired-token, shared by the tests that read its outputs. */
const test = base.extend<object, { defectGate: GateRun }>({
  defectGate: [
    async ({}, use) =>
      use(await runGate('defect', { MOCK_DEFECTS: 'accept-expired-token' }, EXPIRY_SELECTION)),
    { scope: 'worker', timeout: 300_000 },
  ],
});

test.describe('a gate against a mock that accepts expired enrollment tokens', HEAVY, () => {
  // One worker runs them all, so they share one gate.
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
    defectGate: { output, reportsDir },
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

    // The verifier's own report is in reports/logs, each failure pointing to it, not on the terminal.
    const logs = [...output.matchAll(/^\s+the verifier's output: (.+\.log)$/gm)].map(
      (match) => match[1] ?? '',
    );
    expect(new Set(logs).size, output.slice(-3000)).toBe(2);
    for (const log of logs) {
      expect(resolve(log)).toContain(join(reportsDir, 'logs', 'pact-verifier'));
      const text = readFileSync(log, 'utf8');
      expect(text).toContain('Verifying a pact between');
      expect(text).toContain(EXPIRED_TOKEN);
    }
  });

  test("the gate's output is progress and steps: the verifier's report and pact-js's warnings stay off it", ({
    defectGate: { output },
  }) => {
    const tests = testsCounted(output);
    expect(tests, output.slice(-3000)).toBeGreaterThanOrEqual(3);
    expect(withoutFailureDetails(output).length, output).toBeLessThanOrEqual(tests + 60);
    expect(output).not.toContain('Verifying a pact between');
    expect(output).not.toMatch(/is deprecated/);
    // Why pact-js's deprecated option is kept is said once.
    expect(output.split(STATE_SETUP_URL_NOTICE)).toHaveLength(2);
  });

  test('the gate posts its summary: the counts, each failure with its cause, the failed steps and the link', ({
    defectGate: gate,
  }) => {
    expect(gate.posts.map((post) => post.path)).toEqual(['/hooks/harness']);
    const post = gate.posts[0]?.body as {
      passed: boolean;
      counts: GateRun['totals'];
      failures: { title: string; category: string; message?: string }[];
      reportUrl: string;
    };
    expect(post).toMatchObject({ passed: false, counts: gate.totals, reportUrl: REPORT_URL });
    expect(gate.totals.failed).toBeGreaterThan(0);
    const failedTests = post.failures.filter((failure) => failure.category !== 'Run step');
    expect(failedTests.map((failure) => failure.category)).toEqual(failedTests.map(() => 'Product defect'));
    expect(
      failedTests.filter((failure) => !failure.message),
      'each failure says why',
    ).toEqual([]);
    for (const defect of gate.failedIn('Product defect')) {
      expect(
        failedTests.map((failure) => failure.title),
        defect,
      ).toContainEqual(expect.stringContaining(defect));
    }
    expect(post.failures).toContainEqual(expect.objectContaining({ category: 'Run step' }));
  });
});

test(
  'a gate whose environment cannot be reached fails and files it under environment unavailable',
  HEAVY,
  async () => {
    test.setTimeout(300_000);
    const gate = await runGate('down', { GENAUTH_BASE_URL: 'http://127.0.0.1:9' }, EXPIRY_SELECTION);
    expect(gate.exitCode, gate.output.slice(-3000)).not.toBe(0);
    expect(statusOf(gate, SUITES_STEP), 'the suites failed, not only the quality gate').toBe('failed');
    const unavailable = gate.failedIn('Environment unavailable');
    expect(unavailable.length).toBeGreaterThan(0);
    expect(gate.failedIn('Product defect')).toEqual([]);
    expect(gate.failedIn('Contract drift')).toEqual([]);
  },
);
