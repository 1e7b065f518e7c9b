import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { INTERACTIONS } from '../../src/pact/interactions';
import { STATE_SETUP_URL_NOTICE } from '../../src/pact/verification';
import { startSink } from '../notify/sink';
import { categoriesByTest, reportTotals } from './allure-report-data';

test.describe.configure({ timeout: 600_000 });

/** Runs the real gate into a scratch reports directory with the given environment, as a person would. */
async function runGate(name: string, env: NodeJS.ProcessEnv) {
  const reportsDir = mkdtempSync(join(tmpdir(), `gate-${name}-`));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, REPORTS_DIR: reportsDir, FORCE_COLOR: '0' };
  for (const inherited of Object.keys(childEnv)) {
    if (
      /^(ALLURE_RESULTS_DIR|ALLURE_HISTORY_PATH|TEST_WORKER_INDEX|TEST_PARALLEL_INDEX|NOTIFY_\w+|REPORT_URL)$/.test(
        inherited,
      )
    ) {
      delete childEnv[inherited];
    }
  }
  // Asynchronous, so a sink of this process can take the gate's summary post.
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/gate.ts'], {
    env: { ...childEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const report = join(reportsDir, 'allure-report');
  const categories = categoriesByTest(report);
  const failedIn = (category: string) => [...categories].filter(([, c]) => c === category).map(([t]) => t);
  return { exitCode, output, categories, failedIn, totals: reportTotals(report) };
}

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

test('a gate against a mock that ships a provider defect fails, files it under product defect and posts it', async () => {
  const sink = await startSink();
  const reportUrl = 'https://reports.example.com/enroll-factor-harness/gate';
  const gate = await runGate('defect', {
    MOCK_DEFECTS: 'accept-expired-token',
    NOTIFY_WEBHOOK_URL: `${sink.url}/hooks/harness`,
    REPORT_URL: reportUrl,
  }).finally(() => sink.close());
  expect(gate.exitCode, gate.output.slice(-3000)).not.toBe(0);

  // Quiet output: one line per test, the gate's steps and its table; the verifier's report and pact-js's
  // warnings stay off the terminal, and why pact-js's deprecated option is kept is said once.
  const tests = testsCounted(gate.output);
  expect(tests, gate.output.slice(-3000)).toBeGreaterThan(200);
  expect(withoutFailureDetails(gate.output).length, gate.output).toBeLessThanOrEqual(tests + 60);
  expect(gate.output).not.toContain('Verifying a pact between');
  expect(gate.output).not.toMatch(/is deprecated/);
  expect(gate.output.split(STATE_SETUP_URL_NOTICE)).toHaveLength(2);

  const productDefects = gate.failedIn('Product defect');
  expect(productDefects).toEqual(
    expect.arrayContaining([
      expect.stringContaining('rejected as expired just after'),
      expect.stringContaining(INTERACTIONS.expiredToken.uponReceiving),
    ]),
  );
  expect([...gate.categories.values()].filter((c) => c !== 'Product defect')).toEqual([]);

  // The summary post: the report's counts, each failed test with its cause, the failed steps, the link.
  expect(sink.received.map((post) => post.path)).toEqual(['/hooks/harness']);
  const post = sink.received[0]?.body as {
    passed: boolean;
    counts: typeof gate.totals;
    failures: { title: string; category: string; message?: string }[];
    reportUrl: string;
  };
  expect(post).toMatchObject({ passed: false, counts: gate.totals, reportUrl });
  expect(gate.totals.failed).toBeGreaterThan(0);
  const failedTests = post.failures.filter((failure) => failure.category !== 'Run step');
  expect(failedTests.map((failure) => failure.category)).toEqual(failedTests.map(() => 'Product defect'));
  expect(
    failedTests.filter((failure) => !failure.message),
    'each failure says why',
  ).toEqual([]);
  for (const defect of productDefects) {
    expect(
      failedTests.map((failure) => failure.title),
      defect,
    ).toContainEqual(expect.stringContaining(defect));
  }
  expect(post.failures).toContainEqual(
    expect.objectContaining({ title: 'quality gate', category: 'Run step' }),
  );
});

test('a gate whose environment cannot be reached fails and files it under environment unavailable', async () => {
  const gate = await runGate('down', { GENAUTH_BASE_URL: 'http://127.0.0.1:9' });
  expect(gate.exitCode, gate.output.slice(-3000)).not.toBe(0);
  const unavailable = gate.failedIn('Environment unavailable');
  expect(unavailable.length).toBeGreaterThan(0);
  expect(gate.failedIn('Product defect')).toEqual([]);
  expect(gate.failedIn('Contract drift')).toEqual([]);
});
