import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { INTERACTIONS } from '../../src/pact/interactions';
import { suiteArgs } from '../../src/suites';

/** Runs the provider project in a child process against a mock started with the given defects. */
function runProvider(faults: string, outputDir: string): Promise<{ code: number | null; output: string }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('TEST_') && !name.startsWith('PW_')),
  );
  return new Promise((resolve) => {
    const child = spawn(
      'npx',
      ['playwright', 'test', ...suiteArgs('provider'), '--reporter=line', `--output=${outputDir}`],
      { env: { ...env, MOCK_DEFECTS: faults, TARGET_ENV: 'mock', GENAUTH_BASE_URL: '' } },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

test('provider verification fails against a mock that accepts expired tokens, naming the interaction and the mismatch', async ({}, testInfo) => {
  test.setTimeout(180_000);
  const { code, output } = await runProvider('accept-expired-token', testInfo.outputPath('provider'));
  expect(code, output).toBe(1);
  expect(output).toContain(`does not honour the interaction "${INTERACTIONS.expiredToken.uponReceiving}"`);
  expect(output).toMatch(/\$\.statusCode: Expected '200' to match '\^4\\d\\d\$'/);
  // The interaction is in both committed pacts: the harness's and the official Node SDK's.
  expect(output).toMatch(/2 failed/);
});
