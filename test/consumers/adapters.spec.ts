import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import example from '../../docs/examples/my-app-consumer';
import { AUTHING_NODE_SDK } from '../../src/consumers/authing-node-sdk';
import { harnessConsumer } from '../../src/consumers/typed-client';
import { INTERACTIONS, type InteractionKey } from '../../src/pact/interactions';
import { claimedInteractions } from '../../src/pact/interactions/claims';
import { suiteArgs } from '../../src/suites';
import { HEAVY } from '../heavy';
import { runPlaywright } from '../nested-run';

/** Runs the consumer project in a child Playwright with `variables`, as a team would, on one worker. */
async function runConsumers(variables: Record<string, string>, outputDir: string) {
  const { exitCode, output } = await runPlaywright(
    [...suiteArgs('consumer'), '--reporter=line', '--workers=1', `--output=${outputDir}`],
    { env: { TARGET_ENV: 'mock', ...variables }, without: /^PACT_/ },
  );
  return { code: exitCode, output };
}

const descriptions = (keys: readonly InteractionKey[]) =>
  keys.map((key) => INTERACTIONS[key].uponReceiving).sort();

test("the official Node SDK's pact claims only what its client can send", () => {
  const sdk = claimedInteractions(AUTHING_NODE_SDK);
  const harness = claimedInteractions(harnessConsumer('mfa-enrollment-app'));
  expect(sdk).not.toContain('listEnrolledGenAuthHeader');
  expect(sdk, 'the SDK sends no id_token as Bearer').not.toContain('listEnrolledIdToken');
  expect(sdk, 'the SDK labels JSON without a charset').not.toContain('sendEmailWithCharset');
  expect(sdk, 'the SDK escapes the |').not.toContain('getFactorRawPipe');
  expect(sdk, 'the SDK sends the bare token anyway, so the plain interaction says it').not.toContain(
    'listEnrolledBareToken',
  );
  expect(sdk).toEqual(expect.arrayContaining(['noAccessToken', 'sendOtpWithoutProfile', 'getFactor']));
  expect(harness).toEqual(
    expect.arrayContaining([
      'listEnrolledIdToken',
      'sendEmailWithCharset',
      'getFactorRawPipe',
      'listEnrolledBareToken',
    ]),
  );
  expect(harness, 'with EMAIL in use, the EMAIL reset stands for them all').not.toContain('resetOtpFactor');
});

test(
  "a team's adapter file writes its own pact, holding only what its app uses",
  HEAVY,
  async ({}, testInfo) => {
    test.setTimeout(120_000);
    const pactDir = testInfo.outputPath('pacts');
    const { code, output } = await runConsumers(
      { PACT_CONSUMERS: 'docs/examples/my-app-consumer.ts', PACT_DIR: pactDir },
      testInfo.outputPath('results'),
    );
    expect(code, output).toBe(0);
    const pact = JSON.parse(
      readFileSync(join(pactDir, 'my-mfa-app-genauth-authentication-api.json'), 'utf8'),
    );
    expect(pact.consumer.name).toBe('my-mfa-app');
    const written = pact.interactions.map((interaction: { description: string }) => interaction.description);
    expect(written.sort()).toEqual(descriptions(claimedInteractions(example)));
    expect(written, 'the app uses no EMAIL, so OTP stands for the reset').toContain(
      INTERACTIONS.resetOtpFactor.uponReceiving,
    );
    expect(
      written.some((description: string) => /FACE|EMAIL|get-factor|mfa-totp-verify/.test(description)),
    ).toBe(false);
  },
);

test(
  'a consumer declaring what its adapter cannot send stops the run naming both, and writes no pact',
  HEAVY,
  async ({}, testInfo) => {
    test.setTimeout(120_000);
    const dir = testInfo.outputPath('adapter');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'declares-too-much.ts');
    const consumerModule = relative(dir, 'src/consumers/consumer.ts').replaceAll('\\', '/');
    writeFileSync(
      file,
      `import { defineConsumer } from '${consumerModule.startsWith('.') ? consumerModule : `./${consumerModule}`}';
export default defineConsumer({
  consumer: 'declares-too-much',
  can: { operations: ['sendEnrollFactorRequest', 'enrollFactor'], factorTypes: ['OTP', 'SMS'] },
  uses: { operations: ['sendEnrollFactorRequest', 'enrollFactor', 'getFactor'], factorTypes: ['OTP', 'FACE'] },
  forms: { authorization: ['bare'], appIdHeader: ['x-authing-app-id'], contentType: ['application/json'], factorIdInQuery: ['escaped'], otpFaceProfile: ['empty'] },
  abilities: [],
  connect: () => ({}),
});
`,
    );
    const pactDir = testInfo.outputPath('pacts');
    const { code, output } = await runConsumers(
      { PACT_CONSUMERS: `harness,${relative(process.cwd(), file)}`, PACT_DIR: pactDir },
      testInfo.outputPath('results'),
    );
    expect(code).toBe(1);
    expect(output).toContain('The consumers of the pact tests cannot be used:');
    expect(output).toMatch(
      /the consumer declares-too-much \(.*\) declares the operation getFactor, which its adapter cannot send/,
    );
    expect(output).toMatch(
      /the consumer declares-too-much \(.*\) declares the factor type FACE, which its adapter cannot send/,
    );
    expect(output).toContain('No pact was written.');
    expect(output).not.toMatch(/^\s+at /m);
    expect(existsSync(pactDir), "no pact, not even the harness consumer's").toBe(false);
  },
);
