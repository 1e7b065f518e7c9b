/** `npm run pact:record-deployment`: records that this commit now runs in PACT_ENVIRONMENT. */
import {
  brokerSettingsFrom,
  deploymentTargetFrom,
  recordDeploymentCommand,
  versionInfoFrom,
} from '../../src/pact/broker';
import { pactSettingsFrom } from '../../src/pact/config';
import { gitFacts } from '../../src/pact/git';
import { run } from './run';

run('pact-broker', () => {
  const broker = brokerSettingsFrom(process.env, 'record the deployment in');
  const { version } = versionInfoFrom(process.env, gitFacts());
  return {
    args: recordDeploymentCommand(broker, deploymentTargetFrom(process.env, pactSettingsFrom(), version)),
  };
});
