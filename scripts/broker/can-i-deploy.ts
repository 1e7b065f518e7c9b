/** `npm run pact:can-i-deploy`: asks the broker whether this commit may go to PACT_ENVIRONMENT, polling while unknown. */
import {
  brokerSettingsFrom,
  canIDeployCommand,
  deploymentTargetFrom,
  versionInfoFrom,
} from '../../src/pact/broker';
import { pactSettingsFrom } from '../../src/pact/config';
import { gitFacts } from '../../src/pact/git';
import { run } from './run';

run('pact-broker', () => {
  const broker = brokerSettingsFrom(process.env, 'ask can-i-deploy');
  const { version } = versionInfoFrom(process.env, gitFacts());
  return { args: canIDeployCommand(broker, deploymentTargetFrom(process.env, pactSettingsFrom(), version)) };
});
