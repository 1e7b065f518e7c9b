import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { verificationPublishingFrom } from '../../../src/pact/broker/publishing';
import { brokerSettingsFrom } from '../../../src/pact/broker/settings';
import { brokerVerifierOptions } from '../../../src/pact/broker/verifier-options';
import { versionInfoFrom } from '../../../src/pact/broker/versions';
import { readTogether } from '../../../src/pact/config';
import { BROKER, GIT, settings } from './values';

test('verification from the broker selects main branch and deployed versions, with pending pacts, and publishes nothing by default', () => {
  const broker = brokerSettingsFrom(BROKER, 'x');
  const options = brokerVerifierOptions(BROKER, broker, settings, versionInfoFrom({}, GIT));
  expect(options).toEqual({
    pactBrokerUrl: 'https://broker.example.com',
    provider: 'genauth-authentication-api',
    consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }],
    enablePending: true,
    pactBrokerToken: 'broker-secret-token',
  });
});

test("the provider's branch comes from PACT_PROVIDER_BRANCH only, and brings the matching branch and WIP pacts", () => {
  const env = { ...BROKER, PACT_PROVIDER_BRANCH: 'main', PACT_INCLUDE_WIP_PACTS_SINCE: '2026-06-01' };
  const options = brokerVerifierOptions(
    env,
    brokerSettingsFrom(env, 'x'),
    settings,
    versionInfoFrom({}, GIT),
  );
  expect(options).toMatchObject({
    consumerVersionSelectors: [{ mainBranch: true }, { matchingBranch: true }, { deployedOrReleased: true }],
    providerVersionBranch: 'main',
    includeWipPactsSince: '2026-06-01',
  });
  expect(options).not.toHaveProperty('providerVersion');
  expect(options, 'pact-core refuses the option without a provider version').not.toHaveProperty(
    'publishVerificationResult',
  );
  const ci = {
    ...BROKER,
    GITHUB_REF_NAME: 'feature/otp',
    GITHUB_HEAD_REF: 'feature/otp',
    PACT_BRANCH: 'feature/otp',
  };
  expect(brokerVerifierOptions(ci, brokerSettingsFrom(ci, 'x'), settings)).not.toHaveProperty(
    'providerVersionBranch',
  );
  expect(() => verificationPublishingFrom({ PACT_INCLUDE_WIP_PACTS_SINCE: 'June' })).toThrow(
    /must be a date/,
  );
});

test('publishing verification results without a provider version and branch is refused, naming both variables', () => {
  const env = { ...BROKER, PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: 'true', PACT_APP_VERSION: '1.2.3' };
  expect(() =>
    brokerVerifierOptions(env, brokerSettingsFrom(env, 'x'), settings, versionInfoFrom({}, GIT)),
  ).toThrow(
    /PACT_PROVIDER_VERSION is not set, but PACT_BROKER_PUBLISH_VERIFICATION_RESULTS is on: set it to the version of the GenAuth build the verified environment runs .*never this harness's commit.*\n.*PACT_PROVIDER_BRANCH is not set/,
  );
  expect(() =>
    verificationPublishingFrom({
      PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: 'true',
      PACT_PROVIDER_BRANCH: 'main',
    }),
  ).toThrow(/PACT_PROVIDER_VERSION is not set/);
  expect(() => verificationPublishingFrom({ PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: 'maybe' })).toThrow(
    /PACT_BROKER_PUBLISH_VERIFICATION_RESULTS must be true or false/,
  );
});

test('a broker command names the problems of all its variables at once', () => {
  const env = { PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: 'true' };
  expect(() =>
    readTogether(
      () => brokerSettingsFrom(env, 'verify pacts from'),
      () => verificationPublishingFrom(env),
    ),
  ).toThrow(
    /PACT_BROKER_BASE_URL is not set.*\n.*PACT_PROVIDER_VERSION is not set.*\n.*PACT_PROVIDER_BRANCH is not set/,
  );
  const [broker, publishing] = readTogether(
    () => brokerSettingsFrom(BROKER, 'verify pacts from'),
    () => verificationPublishingFrom({}),
  );
  expect(broker.baseUrl).toBe('https://broker.example.com');
  expect(publishing.publishVerificationResult).toBeUndefined();
});

test('npm run pact:verify:broker refuses to publish without a provider version before anything runs', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'cli/broker.ts', 'verify'], {
    // Blank values are unset for the harness, and a local .env cannot fill them in.
    env: {
      ...process.env,
      ...BROKER,
      PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: 'true',
      PACT_PROVIDER_VERSION: '',
      PACT_PROVIDER_BRANCH: 'main',
      PACT_BROKER_USERNAME: '',
      PACT_BROKER_PASSWORD: '',
      FORCE_COLOR: '0',
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const output = `${run.stdout}${run.stderr}`;
  expect(run.status, output).toBe(2);
  expect(run.stderr).toMatch(
    /^\[enroll-factor-harness\] The Pact configuration is incomplete or invalid:\n {2}- PACT_PROVIDER_VERSION is not set, but PACT_BROKER_PUBLISH_VERIFICATION_RESULTS is on.*never this harness's commit/,
  );
  expect(output, 'the provider project never started').not.toContain('playwright test');
  expect(output, 'no stack trace').not.toMatch(/^\s+at /m);
  expect(output).not.toContain('broker-secret-token');
});

test('verification results are published as the explicit provider version and branch, with the build URL', () => {
  const env = {
    ...BROKER,
    PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: 'true',
    PACT_PROVIDER_VERSION: 'genauth-2026.07.1',
    PACT_PROVIDER_BRANCH: 'main',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_RUN_ID: '7',
  };
  expect(brokerVerifierOptions(env, brokerSettingsFrom(env, 'x'), settings)).toMatchObject({
    publishVerificationResult: true,
    providerVersion: 'genauth-2026.07.1',
    providerVersionBranch: 'main',
    buildUrl: 'https://github.com/o/r/actions/runs/7',
  });
});

test('with publishing off, a provider version set anyway never reaches the verifier', () => {
  // pact-core publishes whenever it has a provider version and this variable is set to anything.
  const off = {
    PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: 'false',
    PACT_PROVIDER_VERSION: 'genauth-2026.07.1',
  };
  expect(verificationPublishingFrom(off)).toEqual({});
  expect(verificationPublishingFrom({})).toEqual({});
});
