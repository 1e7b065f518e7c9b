/**
 * `npm run compat:pact-next`: the `pact-next` job of .github/workflows/contract-gate.yml on this machine,
 * whatever Node.js it has. In a temporary clone of HEAD (the checkout stays as it is): Node.js
 * COMPAT_NODE_VERSION (default 22) from the npm registry's `node` package, first on PATH from then on;
 * `npm ci`; pact-js COMPAT_PACT_VERSION (default 17) and the pact core it depends on over the lock with
 * --no-save; `npm run pact:versions` (one pact core); `npm run typecheck`; `npm run gate`.
 *
 * Logs go to reports/compat/steps/, the clone's report, JUnit XML and logs to reports/compat/. Exits 0 when
 * every step passed, 1 at the first that failed (none after it runs), 2 before anything is installed when a
 * version is not published or the registry cannot be reached. Interrupted, it stops the step's processes,
 * removes the clone and exits 128 + the signal's number.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lookUpVersions, PACT_CORE, PACT_JS, pactNextCommands } from '../src/compat/pact-next';
import { loadEnvFiles } from '../src/env/env-files';
import { HarnessError, prefixed } from '../src/errors';
import { cloneHead, type HeadClone } from '../src/process/head-clone';
import { run } from '../src/process/run';
import { Steps } from '../src/process/steps';
import { clearOutputs } from '../src/report/clear-outputs';
import { reportPaths } from '../src/report/paths';
import { runMain } from './main';

const log = (message: string) => process.stdout.write(`${prefixed(`compat: ${message}`)}\n`);

runMain(async () => {
  if (process.argv.length > 2) {
    throw new HarnessError(
      'npm run compat:pact-next takes no arguments: COMPAT_NODE_VERSION and COMPAT_PACT_VERSION choose ' +
        'the versions (.env.example).',
    );
  }
  loadEnvFiles();
  const reportsDir = join(reportPaths().root, 'compat');
  const previousRunRemoved = clearOutputs([reportsDir]);
  log('looking up Node.js, pact-js and the pact core pact-js depends on, on the npm registry');
  const versions = await lookUpVersions();
  const steps = new Steps(
    `compat: ${PACT_JS} ${versions.pactJs} + ${PACT_CORE} ${versions.pactCoreRange} on Node.js ${versions.node}`,
    { announce: process.stdout },
  );

  let clone: HeadClone | undefined;
  await steps.run('clone HEAD', async () => {
    clone = await cloneHead('enroll-factor-compat-', log);
    return `${clone.head.slice(0, 12)} in a temporary folder, removed at the end`;
  });
  if (clone) {
    const nodeDir = join(clone.workspace, 'node');
    mkdirSync(nodeDir);
    writeFileSync(join(nodeDir, 'package.json'), '{ "private": true, "allowScripts": { "node": true } }');
    const options = clone.options(reportsDir, join(nodeDir, 'node_modules', '.bin'));
    for (const { step, args, cwd, log: logName, says } of pactNextCommands(versions, clone.dir, nodeDir)) {
      const logFile = join(reportsDir, 'steps', `${logName}.log`);
      const outcome = await steps.run(step, async () => {
        const result = await run('npm', args, { ...options, cwd, logFile, echo: true, capture: !!says });
        const said = says ? result.output.split('\n').find((line) => line.includes(says)) : '';
        if (result.exitCode === 0 && said !== undefined) return said.replace(/^\[[\w-]+\] /, '');
        const why = result.exitCode === 0 ? `its output does not say "${says}"` : `exited ${result.exitCode}`;
        throw new HarnessError(`npm ${args[0]} ${why}; see ${relative(process.cwd(), logFile)}`);
      });
      if (outcome.status === 'failed') break;
    }
    clone.remove();
  }
  await previousRunRemoved;
  process.stdout.write(steps.summary());
  steps.write(join(reportsDir, 'compat-steps.json'));
  return steps.passed ? 0 : 1;
});
