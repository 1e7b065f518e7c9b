import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import {
  brokerSettingsFrom,
  brokerVerifierOptions,
  canIDeployCommand,
  deploymentTargetFrom,
  pactUrlVerifierOptions,
  printable,
  publishCommand,
  readTogether,
  recordDeploymentCommand,
  verificationPublishingFrom,
  verificationSource,
  versionInfoFrom,
} from '../../src/pact/broker';
import { pactSettingsFrom } from '../../src/pact/config';

const BROKER = {
  PACT_BROKER_BASE_URL: 'https://broker.example.com/',
  PACT_BROKER_TOKEN: 'broker-secret-token',
};
const GIT = { commit: 'a1b2c3d4e5', branch: 'feature/otp' };
const settings = pactSettingsFrom({});

test('every broker script refuses clearly without PACT_BROKER_BASE_URL', () => {
  expect(() => brokerSettingsFrom({}, 'publish the pacts to')).toThrow(
    /^\[enroll-factor-harness\] The Pact configuration is incomplete or invalid:\n {2}- PACT_BROKER_BASE_URL is not set, so there is no broker to publish the pacts to/,
  );
  expect(() => brokerSettingsFrom({ PACT_BROKER_BASE_URL: 'broker' }, 'x')).toThrow(/not an http\(s\) URL/);
});

test('every problem of the broker variables is named at once', () => {
  expect(() =>
    brokerSettingsFrom({ PACT_BROKER_BASE_URL: 'broker', PACT_BROKER_USERNAME: 'ci' }, 'x'),
  ).toThrow(
    /PACT_BROKER_BASE_URL is not an http\(s\) URL.*\n.*PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD must be set together/,
  );
});

test('broker credentials are a token or a username with a password, never both', () => {
  expect(brokerSettingsFrom(BROKER, 'x')).toEqual({
    baseUrl: 'https://broker.example.com',
    auth: { kind: 'token' },
  });
  const basic = {
    PACT_BROKER_BASE_URL: 'https://b.example',
    PACT_BROKER_USERNAME: 'ci',
    PACT_BROKER_PASSWORD: 'pw',
  };
  expect(brokerSettingsFrom(basic, 'x').auth).toEqual({ kind: 'basic', username: 'ci' });
  expect(() => brokerSettingsFrom({ ...basic, PACT_BROKER_TOKEN: 't' }, 'x')).toThrow(/not both/);
  expect(() =>
    brokerSettingsFrom({ PACT_BROKER_BASE_URL: 'https://b.example', PACT_BROKER_USERNAME: 'ci' }, 'x'),
  ).toThrow(/together/);
});

test('publish sends the pacts with the git commit as version and the branch, and no credential on the command line', () => {
  const broker = brokerSettingsFrom(BROKER, 'x');
  const args = publishCommand(broker, 'pacts', versionInfoFrom({}, GIT));
  expect(args).toEqual([
    'publish',
    'pacts',
    '--consumer-app-version',
    'a1b2c3d4e5',
    '--branch',
    'feature/otp',
    '--broker-base-url',
    'https://broker.example.com',
  ]);
  expect(printable('pact-broker', args)).not.toContain('broker-secret-token');
});

test('the version and branch come from PACT_APP_VERSION / PACT_BRANCH, then CI variables, then git', () => {
  expect(versionInfoFrom({ PACT_APP_VERSION: '1.2.3', PACT_BRANCH: 'main' }, GIT)).toMatchObject({
    version: '1.2.3',
    branch: 'main',
  });
  expect(versionInfoFrom({ GITHUB_HEAD_REF: 'pr-branch' }, GIT).branch).toBe('pr-branch');
  expect(() => versionInfoFrom({}, { commit: 'abc', branch: 'HEAD' })).toThrow(/PACT_BRANCH/);
  expect(() => versionInfoFrom({}, {})).toThrow(/PACT_APP_VERSION/);
  const github = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '7' };
  expect(versionInfoFrom(github, GIT).buildUrl).toBe('https://github.com/o/r/actions/runs/7');
});

test('can-i-deploy polls while the verification is unknown; record-deployment names the environment', () => {
  const broker = brokerSettingsFrom(BROKER, 'x');
  expect(() => deploymentTargetFrom({}, settings, GIT)).toThrow(/PACT_ENVIRONMENT is not set/);
  const target = deploymentTargetFrom({ PACT_ENVIRONMENT: 'production' }, settings, GIT);
  expect(canIDeployCommand(broker, target)).toEqual([
    'can-i-deploy',
    '--pacticipant',
    'mfa-enrollment-app',
    '--version',
    'a1b2c3d4e5',
    '--to-environment',
    'production',
    '--retry-while-unknown',
    '10',
    '--retry-interval',
    '30',
    '--broker-base-url',
    'https://broker.example.com',
  ]);
  const instance = deploymentTargetFrom(
    { PACT_ENVIRONMENT: 'test', PACT_APP_VERSION: 'app-7', PACT_APPLICATION_INSTANCE: 'blue' },
    settings,
    GIT,
  );
  expect(recordDeploymentCommand(broker, instance)).toEqual([
    'record-deployment',
    '--pacticipant',
    'mfa-enrollment-app',
    '--version',
    'app-7',
    '--environment',
    'test',
    '--application-instance',
    'blue',
    '--broker-base-url',
    'https://broker.example.com',
  ]);
  expect(() =>
    deploymentTargetFrom({ PACT_ENVIRONMENT: 'x', PACT_CAN_I_DEPLOY_RETRIES: 'many' }, settings, GIT),
  ).toThrow(/PACT_CAN_I_DEPLOY_RETRIES/);
});

test("the provider's can-i-deploy and record-deployment use PACT_PROVIDER_VERSION, never the app's version or git", () => {
  const provider = {
    PACT_ENVIRONMENT: 'production',
    PACT_PACTICIPANT: 'genauth-authentication-api',
    PACT_APP_VERSION: 'app-7',
    GIT_COMMIT: 'c0ffee',
  };
  expect(() => deploymentTargetFrom(provider, settings, GIT)).toThrow(
    /PACT_PROVIDER_VERSION is not set, so there is no version of genauth-authentication-api \(PACT_PACTICIPANT\) to check or record: set it to the version of the GenAuth build .*never this harness's commit/,
  );
  const target = deploymentTargetFrom(
    { ...provider, PACT_PROVIDER_VERSION: 'genauth-2026.07.1' },
    settings,
    GIT,
  );
  expect(target).toMatchObject({ pacticipant: 'genauth-authentication-api', version: 'genauth-2026.07.1' });
  expect(canIDeployCommand(brokerSettingsFrom(BROKER, 'x'), target)).toContain('genauth-2026.07.1');
  expect(
    deploymentTargetFrom(
      { PACT_ENVIRONMENT: 'production', PACT_PROVIDER_VERSION: 'genauth-2026.07.1' },
      settings,
      GIT,
    ),
    'the consumer side ignores the provider version',
  ).toMatchObject({ pacticipant: 'mfa-enrollment-app', version: 'a1b2c3d4e5' });
});

test('can-i-deploy and record-deployment know only the two parties of the pact, and name every problem at once', () => {
  expect(() =>
    deploymentTargetFrom({ PACT_ENVIRONMENT: 'production', PACT_PACTICIPANT: 'genauth-api' }, settings, GIT),
  ).toThrow(
    /PACT_PACTICIPANT must be the consumer \(mfa-enrollment-app\) or the provider \(genauth-authentication-api\)/,
  );
  expect(() => deploymentTargetFrom({}, settings, {})).toThrow(
    /PACT_ENVIRONMENT is not set.*\n.*PACT_APP_VERSION is not set and there is no git commit/,
  );
  expect(() =>
    readTogether(
      () => brokerSettingsFrom({}, 'record the deployment in'),
      () => deploymentTargetFrom({ PACT_PACTICIPANT: 'genauth-authentication-api' }, settings, GIT),
    ),
  ).toThrow(
    /PACT_BROKER_BASE_URL is not set.*\n.*PACT_ENVIRONMENT is not set.*\n.*PACT_PROVIDER_VERSION is not set/,
  );
});

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

test('the provider project reads pacts from the broker when one is configured, else from pacts/', () => {
  expect(verificationSource({})).toBe('files');
  expect(verificationSource(BROKER)).toBe('broker');
  expect(verificationSource({ ...BROKER, PACT_VERIFY_SOURCE: 'files' })).toBe('files');
  expect(() => verificationSource({ PACT_VERIFY_SOURCE: 'ftp' })).toThrow(/files or broker/);
});

test('PACT_URL verifies exactly that pact, never the broker selection beside it, published as told', () => {
  const webhook = {
    ...BROKER,
    PACT_URL: 'https://broker.example.com/pacts/provider/p/consumer/c/pact-version/abc',
  };
  expect(verificationSource(webhook)).toBe('url');
  expect(verificationSource({ ...webhook, PACT_VERIFY_SOURCE: 'files' })).toBe('files');
  expect(verificationSource({ ...BROKER, PACT_URL: ' ' })).toBe('broker');
  const options = pactUrlVerifierOptions(
    {
      ...webhook,
      PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: 'true',
      PACT_PROVIDER_VERSION: '2.3.1',
      PACT_PROVIDER_BRANCH: 'main',
    },
    brokerSettingsFrom(webhook, 'x'),
  );
  expect(options).toMatchObject({
    pactUrls: [webhook.PACT_URL],
    publishVerificationResult: true,
    providerVersion: '2.3.1',
    providerVersionBranch: 'main',
    pactBrokerToken: 'broker-secret-token',
  });
  expect(options).not.toHaveProperty('provider');
  expect(options).not.toHaveProperty('consumerVersionSelectors');
  expect(() => verificationSource({ PACT_URL: 'not a url' })).toThrow(/PACT_URL is not an http\(s\) URL/);
});
