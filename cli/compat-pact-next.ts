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
 * invalid or unpublished version, an unreachable registry) before anything is installed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloneEnv } from '../src/compat/child-env';
import { loggedRun } from '../src/compat/commands';
import { npmRegistry } from '../src/compat/registry';
import { compatSettingsFrom } from '../src/compat/settings';
import { NODE_PACKAGE, PACT_CORE, PACT_JS, resolveCompatVersions } from '../src/compat/versions';
import { cloneCommit, installNodeRuntime } from '../src/compat/workspace';
import { loadEnvFiles } from '../src/env/env-files';
import { HarnessError, prefixed } from '../src/errors';
import { git } from '../src/git';
import { describeInstalledPact, installedPact, splitPactCore } from '../src/pact/installed';
import { reportPaths } from '../src/report/paths';
import { cleanDirectories, formatSummary, type StepOutcome } from '../src/report/pipeline';
import { runMain } from './main';

const log = (message: string) => process.stdout.write(`${prefixed(`compat: ${message}`)}\n`);

/** Removes `dir` also when the run is interrupted; returns what removes it at the end. */
function removedAtExit(dir: string): () => void {
  const remove = () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    process.exit(128 + constants.signals[signal]);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    remove();
  };
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
  const checkout = git(['rev-parse', '--show-toplevel']);
  const head = git(['rev-parse', 'HEAD']);
  if (!checkout || !head) {
    throw new HarnessError(
      'the compatibility run clones HEAD of a git checkout: run it inside one, with a commit.',
    );
  }

  const reportsDir = join(reportPaths().root, 'compat');
  const logDir = join(reportsDir, 'steps');
  cleanDirectories([reportsDir]);

  log(
    `looking up Node.js ${settings.node}, ${PACT_JS} ${settings.pactJs} and its pact core on the npm registry`,
  );
  const versions = await resolveCompatVersions(settings, npmRegistry(cloneEnv(process.env, { reportsDir })));
  const lock = describeInstalledPact(installedPact(checkout));
  log(
    `versions: Node.js v${versions.node}, ${PACT_JS} ${versions.pactJs}, ${PACT_CORE} ${versions.pactCore} ` +
      `(pact-js ${versions.pactJs} depends on ${versions.pactCoreRange}); the lock: ${lock}, here on Node.js ${process.version}`,
  );
  if (git(['status', '--porcelain', '--untracked-files=no'])) {
    log(`the checkout has uncommitted changes; this run tests HEAD (${head.slice(0, 12)}) without them`);
  }

  const workspace = mkdtempSync(join(tmpdir(), 'enroll-factor-compat-'));
  const removeWorkspace = removedAtExit(workspace);
  const clone = join(workspace, 'harness');
  const outcomes: StepOutcome[] = [];
  try {
    let nodeBinDir: string | undefined;
    const inClone = () => loggedRun(cloneEnv(process.env, { nodeBinDir, reportsDir }), logDir);
    let blockedBy: string | undefined;

    /** A step; a failed setup step leaves the later ones unrun, named as such. */
    const step = async (name: string, setup: boolean, body: () => Promise<string | undefined>) => {
      if (blockedBy) {
        outcomes.push({ name, status: 'skipped', detail: `not run: "${blockedBy}" failed`, durationMs: 0 });
        return;
      }
      process.stdout.write(`\n${prefixed(`compat step: ${name}`)}\n`);
      const started = Date.now();
      try {
        const detail = (await body()) ?? '';
        outcomes.push({
          name,
          status: 'passed',
          detail,
          durationMs: Date.now() - started,
          startedAtMs: started,
        });
      } catch (error) {
        if (!(error instanceof HarnessError)) throw error;
        outcomes.push({ name, status: 'failed', detail: error.detail, durationMs: Date.now() - started });
        process.stderr.write(`${error.message}\n`);
        if (setup) blockedBy = name;
      }
    };

    await step(`clone HEAD ${head.slice(0, 12)}`, true, async () => {
      await cloneCommit(checkout, head, clone, inClone());
      return 'in a temporary directory, removed at the end';
    });
    await step(`Node.js ${versions.node} from the npm registry`, true, async () => {
      nodeBinDir = await installNodeRuntime(join(workspace, 'node'), versions.node, inClone());
      return `the ${NODE_PACKAGE} package, first on PATH from here on`;
    });
    await step('npm ci (the lock)', true, async () => {
      await inClone()('npm', ['ci', '--no-audit', '--no-fund'], { cwd: clone, log: 'npm-ci' });
      return undefined;
    });
    await step(
      `${PACT_JS} ${versions.pactJs} and ${PACT_CORE} ${versions.pactCore} over the lock`,
      true,
      async () => {
        const packages = [`${PACT_JS}@${versions.pactJs}`, `${PACT_CORE}@${versions.pactCore}`];
        await inClone()('npm', ['install', '--no-save', '--no-audit', '--no-fund', ...packages], {
          cwd: clone,
          log: 'npm-install-pact',
        });
        return '--no-save';
      },
    );
    await step('one pact core, the one pact-js loads', true, async () => {
      const installed = installedPact(clone);
      const split = splitPactCore(installed, clone);
      if (split) throw new HarnessError(split);
      if (installed.pactJs.version !== versions.pactJs || installed.pactCore.version !== versions.pactCore) {
        throw new HarnessError(
          `npm installed ${describeInstalledPact(installed)}, not pact-js ${versions.pactJs} and pact core ${versions.pactCore}`,
        );
      }
      return describeInstalledPact(installed);
    });
    await step('npm run typecheck', false, async () => {
      await inClone()('npm', ['run', 'typecheck'], { cwd: clone, log: 'typecheck' });
      return undefined;
    });
    await step('npm run gate', false, async () => {
      await inClone()('npm', ['run', 'gate'], { cwd: clone, log: 'gate' });
      return join(reportsDir, 'allure-report', 'index.html');
    });
  } finally {
    removeWorkspace();
  }

  const title = `compat: ${PACT_JS} ${versions.pactJs} + ${PACT_CORE} ${versions.pactCore} on Node.js v${versions.node}, HEAD ${head.slice(0, 12)}`;
  process.stdout.write(formatSummary(title, outcomes));
  writeFileSync(
    join(reportsDir, 'compat.json'),
    `${JSON.stringify({ head, versions, lock, outcomes }, null, 2)}\n`,
  );
  return outcomes.every((outcome) => outcome.status === 'passed') ? 0 : 1;
});
