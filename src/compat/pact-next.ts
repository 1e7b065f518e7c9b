import { COMPAT_DEFAULTS } from '../config/compat';
import { HarnessError } from '../errors';
import { run } from '../process/run';

export const PACT_JS = '@pact-foundation/pact';
export const PACT_CORE = '@pact-foundation/pact-core';

/** What one run installs: Node.js and pact-js by version, the pact core by the range pact-js depends on. */
export interface PactNextVersions {
  readonly node: string;
  readonly pactJs: string;
  readonly pactCoreRange: string;
}

/** How npm says it could not reach the registry. */
const UNREACHABLE = /\b(ECONN\w+|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|EPROXY|CERT_\w+)\b/;

/**
 * The highest version of `name` that `variable` (or its default) selects on npm's registry, with its `field`
 * (`npm view` answers one object per version when asked two fields, several of them unordered).
 */
async function published(
  env: NodeJS.ProcessEnv,
  variable: keyof typeof COMPAT_DEFAULTS,
  name: string,
  field: string,
) {
  const spec = env[variable] || COMPAT_DEFAULTS[variable];
  const args = ['view', `${name}@${spec}`, 'version', field, '--json'];
  // --loglevel=silent leaves the JSON alone on the output; one quick retry answers fast without a network.
  const quiet = ['--loglevel=silent', '--fetch-retries=1', '--fetch-retry-mintimeout=1000'];
  const { output } = await run('npm', [...args, ...quiet], { env, capture: true });
  let answer: unknown = { error: { summary: output } };
  try {
    answer = JSON.parse(output);
  } catch {
    // npm did not answer: `answer` says what it printed.
  }
  const error = (answer as { error?: { code?: string; summary: string; detail?: string } }).error;
  if (error) {
    // Its words, not its code: a code such as E404 is redacted from output like a verification code.
    const said = `${error.code} ${error.summary} ${error.detail}`;
    throw new HarnessError(
      /No match found|could not be found/i.test(said)
        ? `${variable}=${spec}: no published version of ${name} matches it; npm view ${name} versions lists them.`
        : UNREACHABLE.test(said)
          ? `looking up ${name}@${spec}, the npm registry cannot be reached: check the network, or npm's ` +
            `registry and proxy settings (npm config get registry). npm said: ${error.summary}`
          : `npm ${args.join(' ')} failed: ${error.summary}`,
    );
  }
  const [highest] = ([answer].flat() as Record<string, string | undefined>[]).sort((a, b) =>
    `${b.version}`.localeCompare(`${a.version}`, 'en', { numeric: true }),
  );
  return { version: highest?.version ?? '', value: highest?.[field] };
}

/** The versions COMPAT_NODE_VERSION (default 22) and COMPAT_PACT_VERSION (default 17) select. */
export async function lookUpVersions(env: NodeJS.ProcessEnv = process.env): Promise<PactNextVersions> {
  const [node, pactJs] = await Promise.all([
    published(env, 'COMPAT_NODE_VERSION', 'node', 'name'),
    published(env, 'COMPAT_PACT_VERSION', PACT_JS, `dependencies.${PACT_CORE}`),
  ]);
  const pactCoreRange = pactJs.value;
  if (!pactCoreRange) throw new HarnessError(`${PACT_JS} ${pactJs.version} does not depend on ${PACT_CORE}`);
  return { node: node.version, pactJs: pactJs.version, pactCoreRange };
}

/** One npm command of the run: its step, its folder, its log's name, and what its output must say. */
export interface PactNextCommand {
  readonly step: string;
  readonly cwd: string;
  readonly log: string;
  readonly args: readonly string[];
  readonly says?: string;
}

/**
 * The run's npm commands after the clone: Node.js from the registry's `node` package into `nodeDir` (its
 * install script fetches the platform's binary), then the `pact-next` job of contract-gate.yml in the clone.
 */
export function pactNextCommands(v: PactNextVersions, clone: string, nodeDir: string): PactNextCommand[] {
  const quiet = ['--no-audit', '--no-fund'];
  const pact = [`${PACT_JS}@${v.pactJs}`, `${PACT_CORE}@${v.pactCoreRange}`];
  const npm = (step: string, cwd: string, log: string, args: string[], says?: string): PactNextCommand => ({
    step,
    cwd,
    log,
    args,
    says,
  });
  const nodeInstall = ['install', ...quiet, '--ignore-scripts=false', `node@${v.node}`];
  const noSave = ['install', '--no-save', ...quiet];
  const versions = `Node.js v${v.node}, ${PACT_JS} ${v.pactJs}`;
  return [
    npm(`Node.js ${v.node}`, nodeDir, 'node', nodeInstall),
    npm('npm ci', clone, 'npm-ci', ['ci', ...quiet]),
    npm(`${pact.join(' + ')} over the lock`, clone, 'npm-install-pact', [...noSave, ...pact]),
    npm('npm run pact:versions', clone, 'pact-versions', ['run', 'pact:versions'], versions),
    npm('npm run typecheck', clone, 'typecheck', ['run', 'typecheck']),
    npm('npm run gate', clone, 'gate', ['run', 'gate']),
  ];
}
