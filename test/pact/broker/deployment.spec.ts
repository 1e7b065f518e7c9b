import { expect, test } from '@playwright/test';
import { canIDeployCommand, recordDeploymentCommand } from '../../../src/pact/broker/commands';
import { deploymentTargetFrom } from '../../../src/pact/broker/deployment';
import { brokerSettingsFrom } from '../../../src/pact/broker/settings';
import { readTogether } from '../../../src/pact/config';
import { BROKER, GIT, settings } from './values';

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
