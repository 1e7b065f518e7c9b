/**
 * The Pact Broker workflow, one subcommand each:
 *
 *   npm run pact:publish             publishes pacts/ with the app's git commit as consumer version and its branch
 *   npm run pact:verify:broker       the provider project, verifying the one pact PACT_URL names (the
 *                                    webhook's case) or else the pacts the broker selects (main branch,
 *                                    deployed or released, matching branch; pending and WIP pacts);
 *                                    publishes the results with PACT_BROKER_PUBLISH_VERIFICATION_RESULTS=true,
 *                                    as PACT_PROVIDER_VERSION on PACT_PROVIDER_BRANCH (refused without them)
 *   npm run pact:can-i-deploy        may this version go to PACT_ENVIRONMENT? (polls while unknown)
 *   npm run pact:record-deployment   records that this version now runs in PACT_ENVIRONMENT
 *
 * can-i-deploy and record-deployment are about the consumer app (its git commit) unless PACT_PACTICIPANT
 * names the provider, whose version is PACT_PROVIDER_VERSION only. The command line is assembled from the
 * environment and printed (it holds no credential); a configuration problem ends the command before
 * anything runs, naming every problem at once.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadEnvFiles } from '../src/env';
import { HarnessError } from '../src/errors';
import { gitFacts } from '../src/git';
import {
  canIDeployCommand,
  printable,
  publishCommand,
  recordDeploymentCommand,
} from '../src/pact/broker/commands';
import { deploymentTargetFrom } from '../src/pact/broker/deployment';
import { verificationPublishingFrom } from '../src/pact/broker/publishing';
import { brokerSettingsFrom } from '../src/pact/broker/settings';
import { verificationSource } from '../src/pact/broker/source';
import { versionInfoFrom } from '../src/pact/broker/versions';
import { pactSettingsFrom, readTogether } from '../src/pact/config';
import { suiteArgs } from '../src/suites';
import { runMain } from './main';

interface Command {
  readonly binary: string;
  readonly args: string[];
  readonly env?: NodeJS.ProcessEnv;
}

const env = process.env;

const COMMANDS: Readonly<Record<string, (extra: string[]) => Command>> = {
  publish: () => {
    const [broker, settings, version] = readTogether(
      () => brokerSettingsFrom(env, 'publish the pacts to'),
      () => pactSettingsFrom(env),
      () => versionInfoFrom(env, gitFacts()),
    );
    return { binary: 'pact-broker', args: publishCommand(broker, settings.pactDir, version) };
  },
  // The provider project reads the same variables again; checking them here first means a refused
  // configuration stops with one message instead of a failed test.
  verify: (extra) => {
    readTogether(
      () => brokerSettingsFrom(env, 'verify pacts from'),
      () => pactSettingsFrom(env),
      () => verificationPublishingFrom(env),
      () => verificationSource(env),
    );
    return {
      binary: 'playwright',
      args: ['test', ...suiteArgs('provider'), ...extra],
      env: { PACT_VERIFY_SOURCE: 'broker' },
    };
  },
  'can-i-deploy': () => {
    const [broker, target] = readTogether(
      () => brokerSettingsFrom(env, 'ask can-i-deploy'),
      () => deploymentTargetFrom(env, pactSettingsFrom(env), gitFacts()),
    );
    return { binary: 'pact-broker', args: canIDeployCommand(broker, target) };
  },
  'record-deployment': () => {
    const [broker, target] = readTogether(
      () => brokerSettingsFrom(env, 'record the deployment in'),
      () => deploymentTargetFrom(env, pactSettingsFrom(env), gitFacts()),
    );
    return { binary: 'pact-broker', args: recordDeploymentCommand(broker, target) };
  },
};

runMain(() => {
  const [name = '', ...extra] = process.argv.slice(2);
  const assemble = COMMANDS[name];
  if (!assemble) {
    throw new HarnessError(`unknown broker command "${name}": use ${Object.keys(COMMANDS).join(', ')}.`);
  }
  loadEnvFiles();
  const command = assemble(extra);
  process.stdout.write(`$ ${printable(command.binary, command.args)}\n`);
  const result = spawnSync(path.resolve('node_modules/.bin', command.binary), command.args, {
    stdio: 'inherit',
    env: { ...process.env, ...command.env },
  });
  if (result.error) {
    throw new HarnessError(
      `could not run ${command.binary}: ${result.error.message}. Run npm install first.`,
    );
  }
  return result.status ?? 1;
});
