/**
 * `npm run pact:verify:broker`: the provider project, verifying the pacts the broker selects (main branch,
 * matching branch, deployed or released; pending and WIP pacts) instead of pacts/.
 */
import { brokerSettingsFrom, versionInfoFrom } from '../../src/pact/broker';
import { gitFacts } from '../../src/pact/git';
import { run } from './run';

run('playwright', () => {
  brokerSettingsFrom(process.env, 'verify pacts from');
  versionInfoFrom(process.env, gitFacts());
  return {
    args: ['test', '--project=provider', ...process.argv.slice(2)],
    env: { PACT_VERIFY_SOURCE: 'broker' },
  };
});
