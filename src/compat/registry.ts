import { execFile } from 'node:child_process';
import { HarnessError } from '../errors';

/** What the compatibility run asks the npm registry before it installs anything. */
export interface Registry {
  /** The published versions of `name` that `spec` (a version, range or dist-tag) selects; none is an error. */
  versions(name: string, spec: string): Promise<string[]>;
  /** The dependency ranges and engines of one published version. */
  manifest(name: string, version: string): Promise<PublishedManifest>;
}

export interface PublishedManifest {
  readonly dependencies: Readonly<Record<string, string>>;
  readonly engines: Readonly<Record<string, string>>;
}

/** npm's error codes of a registry it could not reach, as `npm view --json` reports them. */
const UNREACHABLE =
  /^(ECONN|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|EPROXY|UNABLE_TO|CERT_|SELF_SIGNED)/;

interface NpmViewError {
  readonly code?: string;
  readonly summary?: string;
}

/**
 * The registry npm is configured with, asked through `npm view` (so `.npmrc`, proxies and tokens apply).
 * A lookup retries once, briefly: it decides nothing but whether the run can start, and without a network
 * npm's own retries would keep the user waiting a minute for that answer.
 */
export function npmRegistry(env: NodeJS.ProcessEnv): Registry {
  const view = async (spec: string, fields: readonly string[]): Promise<unknown> => {
    const args = ['view', spec, ...fields, '--json'];
    args.push('--fetch-retries=1', '--fetch-retry-mintimeout=1000', '--fetch-retry-maxtimeout=2000');
    const { stdout, failure } = await npm(args, env);
    const parsed = parseJson(stdout);
    const error = (parsed as { error?: NpmViewError } | undefined)?.error;
    if (error || failure) throw await lookupError(spec, error ?? { summary: failure }, env);
    return parsed;
  };
  return {
    async versions(name, spec) {
      const found = await view(`${name}@${spec}`, ['version']);
      const versions = (Array.isArray(found) ? found : [found]).filter(
        (v): v is string => typeof v === 'string',
      );
      if (versions.length === 0) throw new NoMatchingVersion(`${name}@${spec}`);
      return versions;
    },
    async manifest(name, version) {
      const found = (await view(`${name}@${version}`, ['dependencies', 'engines'])) as
        | Partial<PublishedManifest>
        | undefined;
      return { dependencies: found?.dependencies ?? {}, engines: found?.engines ?? {} };
    },
  };
}

async function lookupError(spec: string, error: NpmViewError, env: NodeJS.ProcessEnv): Promise<HarnessError> {
  if (error.code === 'E404') return new NoMatchingVersion(spec);
  const summary = (error.summary ?? 'no answer').split('\n')[0];
  if (error.code && UNREACHABLE.test(error.code)) {
    const registry = (await npm(['config', 'get', 'registry'], env)).stdout.trim() || 'the npm registry';
    return new HarnessError(
      `cannot reach ${registry} to look up ${spec} (${error.code}): the compatibility run installs Node.js, ` +
        "pact-js and the pact core from it. Check the network, or npm's registry and proxy settings " +
        `(npm config get registry). npm said: ${summary}`,
    );
  }
  return new HarnessError(`npm view ${spec} failed${error.code ? ` (${error.code})` : ''}: ${summary}`);
}

/** The registry has no version of a package that a spec selects. */
export class NoMatchingVersion extends HarnessError {
  override readonly name = 'NoMatchingVersion';
  constructor(readonly spec: string) {
    const name = spec.slice(0, spec.lastIndexOf('@'));
    super(`no published version matches ${spec} on the npm registry; npm view ${name} versions lists them.`);
  }
}

function parseJson(text: string): unknown {
  try {
    return text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** npm's output, and why it failed when it did; never rejects. */
function npm(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; failure?: string }> {
  return new Promise((resolve) => {
    execFile('npm', args, { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const failure = error ? stderr.trim().split('\n').at(-1) || error.message : undefined;
      resolve({ stdout, failure });
    });
  });
}
