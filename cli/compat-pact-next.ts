/**
 * `npm run compat:pact-next`: the gate on the next pact-js, run as a user on a newer Node.js runs it, while
 * the lock stays on the pact-js that runs on Node.js 20.
 *
 * In a temporary clone of HEAD (the checkout, its node_modules included, stays as it is): `npm ci`; Node.js
 * COMPAT_NODE_VERSION (default 22) from the npm registry's `node` package; `@pact-foundation/pact` at
 * COMPAT_PACT_VERSION (default 17) and `@pact-foundation/pact-core` at the range that pact-js depends on
 * (or COMPAT_PACT_CORE_VERSION) installed over the lock with --no-save; a check that both load one pact
 * core; then `npm run typecheck` and `npm run gate`, every command with that Node.js first on PATH.
 *
 * Output is streamed and logged under reports/compat/ (steps/*.log; the clone's gate writes its report,
 * JUnit XML and logs there too). Exits 0 when every step passed, 1 when one failed, 2 on bad input (an
 * invalid or unpublished version, an unreachable registry) before anything is installed. Interrupted, it
 * stops the step in progress, removes the clone and exits 128 + the signal's number.
 */
import { writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { cloneEnv } from '../src/compat/child-env';
import { loggedRun } from '../src/compat/commands';
import { npmRegistry } from '../src/compat/registry';
import { compatSettingsFrom } from '../src/compat/settings';
import { CompatSteps } from '../src/compat/steps';
import { NODE_PACKAGE, PACT_CORE, PACT_JS, resolveCompatVersions } from '../src/compat/versions';
import {
  cloneCommit,
  headOfCheckout,
  installNodeRuntime,
  removeWorkspace,
  temporaryWorkspace,
} from '../src/compat/workspace';
import { loadEnvFiles } from '../src/env/env-files';
import { HarnessError, prefixed } from '../src/errors';
import { describeInstalledPact, installedPact, splitPactCore } from '../src/pact/installed';
import { formatSummary } from '../src/process/steps';
import { clearOutputs } from '../src/report/clear-outputs';
import { reportPaths } from '../src/report/paths';
import { runMain } from './main';

const log = (message: string) => process.stdout.write(`${prefixed(`compat: ${message}`)}\n`);

/**
 * SIGINT or SIGTERM aborts the returned signal: the step in progress is stopped and the clone removed before
 * the run exits. Later signals change nothing (tsx relays the terminal's SIGINT a second time).
 */
function interruptible(): AbortSignal {
  const interruption = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (interruption.signal.aborted) return;
    process.stderr.write(
      `\n${prefixed(`compat: ${signal}: stopping the step in progress, then removing the clone`)}\n`,
    );
    interruption.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return interruption.signal;
}

runMain(async () => {
  const extra = process.argv.slice(2);
  if (extra.length > 0) {
    throw new HarnessError(
      `unknown argument "${extra[0]}". Usage: npm run compat:pact-next; the versions come from ` +
        'COMPAT_NODE_VERSION, COMPAT_PACT_VERSION and COMPAT_PACT_CORE_VERSION (see .env.example).',
    );
  }
  loadEnvFiles();
  const settings = compatSettingsFrom();
  const { checkout, head } = headOfCheckout('the compatibility run', log);

  const reportsDir = join(reportPaths().root, 'compat');
  const logDir = join(reportsDir, 'steps');
  const previousRunRemoved = clearOutputs([reportsDir]);

  log(
    `looking up Node.js ${settings.node}, ${PACT_JS} ${settings.pactJs} and its pact core on the npm registry`,
  );
  const versions = await resolveCompatVersions(settings, npmRegistry(cloneEnv(process.env, { reportsDir })));
  const lock = describeInstalledPact(installedPact(checkout));
  log(
    `versions: Node.js v${versions.node}, ${PACT_JS} ${versions.pactJs}, ${PACT_CORE} ${versions.pactCore} ` +
      `(pact-js ${versions.pactJs} depends on ${versions.pactCoreRange}); the lock: ${lock}, here on Node.js ${process.version}`,
  );

  const interruption = interruptible();
  const steps = new CompatSteps(interruption);
  const { workspace, clone } = temporaryWorkspace('enroll-factor-compat-');
  let nodeBinDir: string | undefined;
  const run = () => loggedRun(cloneEnv(process.env, { nodeBinDir, reportsDir }), logDir, interruption);
  try {
    await steps.run(`clone HEAD ${head.slice(0, 12)}`, 'setup', async () => {
      await cloneCommit(checkout, head, clone, run());
      return 'in a temporary directory, removed at the end';
    });
    await steps.run(`Node.js ${versions.node} from the npm registry`, 'setup', async () => {
      nodeBinDir = await installNodeRuntime(join(workspace, 'node'), versions.node, run());
      return `the ${NODE_PACKAGE} package, first on PATH from here on`;
    });
    await steps.run('npm ci (the lock)', 'setup', async () => {
      await run()('npm', ['ci', '--no-audit', '--no-fund'], { cwd: clone, log: 'npm-ci' });
      return undefined;
    });
    const pactPackages = [`${PACT_JS}@${versions.pactJs}`, `${PACT_CORE}@${versions.pactCore}`];
    await steps.run(`${pactPackages.join(' and ')} over the lock`, 'setup', async () => {
      const args = ['install', '--no-save', '--no-audit', '--no-fund', ...pactPackages];
      await run()('npm', args, { cwd: clone, log: 'npm-install-pact' });
      return '--no-save';
    });
    await steps.run('one pact core, the one pact-js loads', 'setup', async () => {
      const installed = installedPact(clone);
      const split = splitPactCore(installed, clone);
      if (split) throw new HarnessError(split);
      if (installed.pactJs.version !== versions.pactJs || installed.pactCore.version !== versions.pactCore) {
        throw new HarnessError(
          `npm installed ${describeInstalledPact(installed)}, not ${pactPackages.join(' and ')}`,
        );
      }
      return describeInstalledPact(installed);
    });
    await steps.run('npm run typecheck', 'check', async () => {
      await run()('npm', ['run', 'typecheck'], { cwd: clone, log: 'typecheck' });
      return undefined;
    });
    await steps.run('npm run gate', 'check', async () => {
      await run()('npm', ['run', 'gate'], { cwd: clone, log: 'gate' });
      return join(reportsDir, 'allure-report', 'index.html');
    });
  } finally {
    removeWorkspace(workspace);
    await previousRunRemoved;
  }

  const title = `compat: ${PACT_JS} ${versions.pactJs} + ${PACT_CORE} ${versions.pactCore} on Node.js v${versions.node}, HEAD ${head.slice(0, 12)}`;
  process.stdout.write(formatSummary(title, steps.outcomes));
  const outcomes = steps.outcomes;
  writeFileSync(
    join(reportsDir, 'compat.json'),
    `${JSON.stringify({ head, versions, lock, outcomes }, null, 2)}\n`,
  );
  if (interruption.aborted) return 128 + constants.signals[interruption.reason as NodeJS.Signals];
  return steps.passed ? 0 : 1;
});
