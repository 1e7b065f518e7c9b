/** `npm run pact:publish`: publishes pacts/ with the git commit as consumer version and the git branch. */
import { brokerSettingsFrom, publishCommand, versionInfoFrom } from '../../src/pact/broker';
import { pactSettingsFrom } from '../../src/pact/config';
import { gitFacts } from '../../src/pact/git';
import { run } from './run';

run('pact-broker', () => {
  const broker = brokerSettingsFrom(process.env, 'publish the pacts to');
  const settings = pactSettingsFrom();
  return { args: publishCommand(broker, settings.pactDir, versionInfoFrom(process.env, gitFacts())) };
});
