import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { INTERACTIONS } from '../../src/pact/interactions';
import { STATE_SETUP_URL_NOTICE } from '../../src/pact/verification';
import { suiteArgs } from '../../src/suites';

/** Runs the provider project in a child process against a mock started with the given defects. */
function runProvider(faults: string, reportsDir: string): Promise<{ code: number | null; output: string }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('TEST_') && !name.startsWith('PW_') && name !== 'ALLURE_RESULTS_DIR',
    ),
  );
  return new Promise((resolve) => {
    const child = spawn(
      'npx',
      ['playwright', 'test', ...suiteArgs('provider'), `--output=${join(reportsDir, 'test-results')}`],
      {
        env: {
          ...env,
          MOCK_DEFECTS: faults,
          TARGET_ENV: 'mock',
          GENAUTH_BASE_URL: '',
          REPORTS_DIR: reportsDir,
          FORCE_COLOR: '0',
        },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

test('provider verification fails against a mock that accepts expired tokens, naming the interaction and the mismatch', async ({}, testInfo) => {
  test.setTimeout(180_000);
  const reportsDir = testInfo.outputPath('provider');
  const { code, output } = await runProvider('accept-expired-token', reportsDir);
  expect(code, output).toBe(1);
  const interaction = INTERACTIONS.expiredToken.uponReceiving;
  expect(output).toContain(`does not honour the interaction "${interaction}"`);
  expect(output).toMatch(/\$\.statusCode: Expected '200' to match '\^4\\d\\d\$'/);
  // The interaction is in both committed pacts: the harness's and the official Node SDK's.
  expect(output).toMatch(/2 failed/);

  // The verifier's own report is in reports/logs, one line of each failure pointing to it, not on the terminal.
  expect(output, 'the verifier prints nothing between the progress lines').not.toContain(
    'Verifying a pact between',
  );
  const logs = [...output.matchAll(/^\s+the verifier's output: (.+\.log)$/gm)].map((match) => match[1] ?? '');
  expect(new Set(logs).size, output).toBe(2);
  for (const log of logs) {
    const text = readFileSync(log, 'utf8');
    expect(resolve(log)).toContain(join(reportsDir, 'logs', 'pact-verifier'));
    expect(text).toContain('Verifying a pact between');
    expect(text).toContain(interaction);
  }

  // pact-js's deprecation warning, once per verifier, gives way to one notice with the reason.
  expect(output).not.toContain('is deprecated, and will be removed');
  expect(output.split(STATE_SETUP_URL_NOTICE)).toHaveLength(2);
});
