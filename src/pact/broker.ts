import { PactConfigError, type PactSettings } from './config';

/**
 * The Pact Broker workflow as pure functions: settings from the standard variables, and the command
 * lines of the `pact-broker` CLI (@pact-foundation/pact-cli) and the options of the pact-js verifier.
 * Credentials never go on a command line: the CLI reads PACT_BROKER_TOKEN / PACT_BROKER_USERNAME /
 * PACT_BROKER_PASSWORD from the environment it inherits, so a printed command line is safe to log.
 */

type Env = Readonly<Record<string, string | undefined>>;

export type BrokerAuth =
  | { readonly kind: 'token' }
  | { readonly kind: 'basic'; readonly username: string }
  | { readonly kind: 'none' };

export interface BrokerSettings {
  /** `PACT_BROKER_BASE_URL`. Required. */
  readonly baseUrl: string;
  /** `PACT_BROKER_TOKEN`, or `PACT_BROKER_USERNAME` + `PACT_BROKER_PASSWORD`, or none (an open broker). */
  readonly auth: BrokerAuth;
}

const value = (env: Env, name: string) => env[name]?.trim() || undefined;

export function brokerSettingsFrom(env: Env, purpose: string): BrokerSettings {
  const baseUrl = value(env, 'PACT_BROKER_BASE_URL');
  if (!baseUrl) {
    throw new PactConfigError(
      `PACT_BROKER_BASE_URL is not set, so there is no broker to ${purpose}. Set it to your Pact Broker or PactFlow URL (e.g. https://broker.example.com), with PACT_BROKER_TOKEN or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD; see docs/contract-testing.md.`,
    );
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new PactConfigError(
      `PACT_BROKER_BASE_URL="${baseUrl}" is not a URL; e.g. https://broker.example.com`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PactConfigError(`PACT_BROKER_BASE_URL must be an http(s) URL, not ${url.protocol}`);
  }
  const token = value(env, 'PACT_BROKER_TOKEN');
  const username = value(env, 'PACT_BROKER_USERNAME');
  const password = value(env, 'PACT_BROKER_PASSWORD');
  if (token && (username || password)) {
    throw new PactConfigError(
      'set either PACT_BROKER_TOKEN (PactFlow, bearer token) or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD (basic auth), not both.',
    );
  }
  if (Boolean(username) !== Boolean(password)) {
    throw new PactConfigError('PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD must be set together.');
  }
  const auth: BrokerAuth = token
    ? { kind: 'token' }
    : username
      ? { kind: 'basic', username }
      : { kind: 'none' };
  return { baseUrl: baseUrl.replace(/\/+$/, ''), auth };
}

/** What identifies the code being published or verified: the git commit and branch. */
export interface VersionInfo {
  readonly version: string;
  readonly branch: string;
  /** `PACT_BUILD_URL`, else the CI's build URL when known. */
  readonly buildUrl?: string;
}

export interface GitFacts {
  readonly commit?: string;
  readonly branch?: string;
}

/**
 * Version = `PACT_APP_VERSION`, else the git commit. Branch = `PACT_BRANCH`, else the CI's branch
 * variable (GitHub Actions, GitLab CI, Jenkins), else the checked-out git branch.
 */
export function versionInfoFrom(env: Env, git: GitFacts): VersionInfo {
  const version = value(env, 'PACT_APP_VERSION') ?? value(env, 'GIT_COMMIT') ?? git.commit;
  const branch =
    value(env, 'PACT_BRANCH') ??
    value(env, 'GITHUB_HEAD_REF') ??
    value(env, 'GITHUB_REF_NAME') ??
    value(env, 'CI_COMMIT_REF_NAME') ??
    value(env, 'BRANCH_NAME') ??
    value(env, 'GIT_BRANCH') ??
    (git.branch && git.branch !== 'HEAD' ? git.branch : undefined);
  if (!version) {
    throw new PactConfigError(
      'no version: run inside a git checkout with a commit, or set PACT_APP_VERSION.',
    );
  }
  if (!branch) {
    throw new PactConfigError('no branch: check out a branch (not a detached HEAD), or set PACT_BRANCH.');
  }
  const githubRun =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  const buildUrl =
    value(env, 'PACT_BUILD_URL') ?? value(env, 'CI_JOB_URL') ?? value(env, 'BUILD_URL') ?? githubRun;
  return buildUrl ? { version, branch, buildUrl } : { version, branch };
}

/** `pact-broker publish <pactDir> --consumer-app-version <commit> --branch <branch>`. */
export function publishCommand(broker: BrokerSettings, pactDir: string, version: VersionInfo): string[] {
  return [
    'publish',
    pactDir,
    '--consumer-app-version',
    version.version,
    '--branch',
    version.branch,
    ...(version.buildUrl ? ['--build-url', version.buildUrl] : []),
    '--broker-base-url',
    broker.baseUrl,
  ];
}

export interface CanIDeployOptions {
  readonly pacticipant: string;
  readonly version: string;
  /** `PACT_ENVIRONMENT`, e.g. `production`. Required. */
  readonly environment: string;
  /** `PACT_CAN_I_DEPLOY_RETRIES`, default 10: how often to ask again while a verification is still missing. */
  readonly retryWhileUnknown: number;
  /** `PACT_CAN_I_DEPLOY_RETRY_INTERVAL`, default 30 seconds. */
  readonly retryIntervalSeconds: number;
}

/** `pact-broker can-i-deploy`, polling while the provider's verification result is unknown. */
export function canIDeployCommand(broker: BrokerSettings, options: CanIDeployOptions): string[] {
  return [
    'can-i-deploy',
    '--pacticipant',
    options.pacticipant,
    '--version',
    options.version,
    '--to-environment',
    options.environment,
    '--retry-while-unknown',
    String(options.retryWhileUnknown),
    '--retry-interval',
    String(options.retryIntervalSeconds),
    '--broker-base-url',
    broker.baseUrl,
  ];
}

export interface RecordDeploymentOptions {
  readonly pacticipant: string;
  readonly version: string;
  readonly environment: string;
  /** `PACT_APPLICATION_INSTANCE`: set when several instances of the app run in one environment. */
  readonly applicationInstance?: string;
}

/** `pact-broker record-deployment`: tells the broker which version now runs in the environment. */
export function recordDeploymentCommand(broker: BrokerSettings, options: RecordDeploymentOptions): string[] {
  return [
    'record-deployment',
    '--pacticipant',
    options.pacticipant,
    '--version',
    options.version,
    '--environment',
    options.environment,
    ...(options.applicationInstance ? ['--application-instance', options.applicationInstance] : []),
    '--broker-base-url',
    broker.baseUrl,
  ];
}

function positiveInteger(env: Env, name: string, fallback: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const parsed = Number(raw);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new PactConfigError(`${name}="${raw}" must be a whole number of 0 or more.`);
  }
  return parsed;
}

export function deploymentTargetFrom(env: Env, settings: PactSettings, version: string) {
  const environment = value(env, 'PACT_ENVIRONMENT');
  if (!environment) {
    throw new PactConfigError('PACT_ENVIRONMENT is not set: the environment to deploy to, e.g. production.');
  }
  return {
    pacticipant: value(env, 'PACT_PACTICIPANT') ?? settings.consumer,
    version,
    environment,
    applicationInstance: value(env, 'PACT_APPLICATION_INSTANCE'),
    retryWhileUnknown: positiveInteger(env, 'PACT_CAN_I_DEPLOY_RETRIES', 10),
    retryIntervalSeconds: positiveInteger(env, 'PACT_CAN_I_DEPLOY_RETRY_INTERVAL', 30),
  };
}

/** The consumer versions a provider verifies: its main branch, its own branch, whatever is deployed or released. */
export const CONSUMER_VERSION_SELECTORS = [
  { mainBranch: true },
  { matchingBranch: true },
  { deployedOrReleased: true },
] as const;

/** Default start of the WIP window (`PACT_INCLUDE_WIP_PACTS_SINCE`). */
export const DEFAULT_WIP_SINCE = '2026-01-01';

export interface BrokerVerifierOptions {
  readonly pactBrokerUrl: string;
  readonly provider: string;
  readonly consumerVersionSelectors: {
    mainBranch?: boolean;
    matchingBranch?: boolean;
    deployedOrReleased?: boolean;
  }[];
  readonly enablePending: true;
  readonly includeWipPactsSince: string;
  readonly providerVersionBranch: string;
  readonly publishVerificationResult: boolean;
  readonly providerVersion?: string;
  readonly buildUrl?: string;
  readonly pactBrokerToken?: string;
  readonly pactBrokerUsername?: string;
  readonly pactBrokerPassword?: string;
}

/**
 * The pact-js verifier options of a verification from the broker. Results are published only when
 * `PACT_BROKER_PUBLISH_VERIFICATION_RESULTS=true` (CI), with the provider's commit and branch.
 */
export function brokerVerifierOptions(
  env: Env,
  broker: BrokerSettings,
  settings: PactSettings,
  version: VersionInfo,
): BrokerVerifierOptions {
  const publish = value(env, 'PACT_BROKER_PUBLISH_VERIFICATION_RESULTS')?.toLowerCase() === 'true';
  const wipSince = value(env, 'PACT_INCLUDE_WIP_PACTS_SINCE') ?? DEFAULT_WIP_SINCE;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(wipSince)) {
    throw new PactConfigError(
      `PACT_INCLUDE_WIP_PACTS_SINCE="${wipSince}" must be a date, e.g. ${DEFAULT_WIP_SINCE}.`,
    );
  }
  const credentials =
    broker.auth.kind === 'token'
      ? { pactBrokerToken: value(env, 'PACT_BROKER_TOKEN') }
      : broker.auth.kind === 'basic'
        ? { pactBrokerUsername: broker.auth.username, pactBrokerPassword: value(env, 'PACT_BROKER_PASSWORD') }
        : {};
  return {
    pactBrokerUrl: broker.baseUrl,
    provider: settings.provider,
    consumerVersionSelectors: CONSUMER_VERSION_SELECTORS.map((selector) => ({ ...selector })),
    enablePending: true,
    includeWipPactsSince: wipSince,
    providerVersionBranch: version.branch,
    publishVerificationResult: publish,
    ...(publish ? { providerVersion: version.version } : {}),
    ...(publish && version.buildUrl ? { buildUrl: version.buildUrl } : {}),
    ...credentials,
  };
}

/** Where the provider project takes its pacts from: `PACT_VERIFY_SOURCE`, default broker when one is configured. */
export function verificationSource(env: Env): 'files' | 'broker' {
  const source = value(env, 'PACT_VERIFY_SOURCE');
  if (source === 'files' || source === 'broker') return source;
  if (source !== undefined) {
    throw new PactConfigError(`PACT_VERIFY_SOURCE="${source}" must be files or broker.`);
  }
  return value(env, 'PACT_BROKER_BASE_URL') ? 'broker' : 'files';
}

/** A command line for a log: arguments with spaces quoted. Holds no secret by construction. */
export function printable(binary: string, args: readonly string[]): string {
  return [binary, ...args].map((arg) => (/[\s"']/.test(arg) ? JSON.stringify(arg) : arg)).join(' ');
}
