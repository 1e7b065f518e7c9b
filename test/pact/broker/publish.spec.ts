import { expect, test } from '@playwright/test';
import { printable, publishCommand } from '../../../src/pact/broker/commands';
import { brokerSettingsFrom } from '../../../src/pact/broker/settings';
import { versionInfoFrom } from '../../../src/pact/broker/versions';
import { BROKER, GIT } from './values';

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
