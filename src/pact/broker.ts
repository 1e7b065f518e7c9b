import { z } from 'zod';
import type { GitFacts } from '../git';
import { type Env, flag, optionalText, variableProblems, wholeNumber } from '../variables';
import { PactConfigError, type PactSettings } from './config';

/**
 * The Pact Broker workflow as pure functions: settings from the standard variables, and the command
 * lines of the `pact-broker` CLI (@pact-foundation/pact-cli) and the options of the pact-js verifier.
 * Credentials never go on a command line: the CLI reads PACT_BROKER_TOKEN / PACT_BROKER_USERNAME /
 * PACT_BROKER_PASSWORD from the environment it inherits, so a printed command line is safe to log.
 * Every reader validates its variables with zod and names every problem at once.
 */

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

/**
 * Runs a cross-variable refinement even when other variables are wrong (zod skips it then by default), so
 * every problem is named at once; only the variables it reads must have parsed.
 */
const whenValid = (...names: readonly string[]) => ({
  when: (payload: z.core.ParsePayload) =>
    !payload.issues.some((issue) => names.includes(String(issue.path?.[0]))),
});

function parse<S extends z.ZodType>(schema: S, env: Env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new PactConfigError(variableProblems(parsed.error.issues));
  return parsed.data;
}

const brokerEnvSchema = (purpose: string) =>
  z
    .object({
      PACT_BROKER_BASE_URL: optionalText.pipe(
        z
          .string({
            error: `is not set, so there is no broker to ${purpose}. Set it to your Pact Broker or PactFlow URL (e.g. https://broker.example.com), with PACT_BROKER_TOKEN or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD; see docs/contract-testing.md`,
          })
          .url({ protocol: /^https?$/, error: 'is not an http(s) URL; e.g. https://broker.example.com' })
          .transform((url) => url.replace(/\/+$/, '')),
      ),
      PACT_BROKER_TOKEN: optionalText,
      PACT_BROKER_USERNAME: optionalText,
      PACT_BROKER_PASSWORD: optionalText,
    })
    .superRefine((env, ctx) => {
      if (env.PACT_BROKER_TOKEN && (env.PACT_BROKER_USERNAME || env.PACT_BROKER_PASSWORD)) {
        ctx.addIssue({
          code: 'custom',
          path: ['PACT_BROKER_TOKEN'],
          message:
            'and PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD are both set: use a token (PactFlow, bearer) or a username and password (basic auth), not both',
        });
      }
      if (Boolean(env.PACT_BROKER_USERNAME) !== Boolean(env.PACT_BROKER_PASSWORD)) {
        ctx.addIssue({
          code: 'custom',
          path: ['PACT_BROKER_USERNAME'],
          message: 'and PACT_BROKER_PASSWORD must be set together',
        });
      }
    });

/**
 * Reads each part of a command's configuration, then names the problems of all of them in one
 * `PactConfigError`, so one run shows everything to fix.
 */
export function readTogether<const T extends readonly unknown[]>(
  ...readers: { [K in keyof T]: () => T[K] }
): T {
  const problems: string[] = [];
  const values = readers.map((read) => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof PactConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  });
  if (problems.length > 0) throw new PactConfigError(problems);
  return values as unknown as T;
}

export function brokerSettingsFrom(env: Env, purpose: string): BrokerSettings {
  const broker = parse(brokerEnvSchema(purpose), env);
  const auth: BrokerAuth = broker.PACT_BROKER_TOKEN
    ? { kind: 'token' }
    : broker.PACT_BROKER_USERNAME
      ? { kind: 'basic', username: broker.PACT_BROKER_USERNAME }
      : { kind: 'none' };
  return { baseUrl: broker.PACT_BROKER_BASE_URL, auth };
}

/** The CI build that publishes or verifies, shown in the broker beside what it published. */
export interface BuildInfo {
  /** `PACT_BUILD_URL`, else the CI's build URL when known. */
  readonly buildUrl?: string;
}

export function buildInfoFrom(env: Env): BuildInfo {
  const githubRun =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  const buildUrl =
    value(env, 'PACT_BUILD_URL') ?? value(env, 'CI_JOB_URL') ?? value(env, 'BUILD_URL') ?? githubRun;
  return buildUrl ? { buildUrl } : {};
}

/** What identifies the consumer app's version: its git commit and branch. Never the provider's. */
export interface VersionInfo extends BuildInfo {
  readonly version: string;
  readonly branch: string;
}

const NO_APP_VERSION_PROBLEM = 'is not set and there is no git commit: run inside a git checkout, or set it';
const NO_APP_VERSION = `PACT_APP_VERSION ${NO_APP_VERSION_PROBLEM}`;

interface AppVersionVariables {
  readonly PACT_APP_VERSION?: string | undefined;
  readonly GIT_COMMIT?: string | undefined;
}

/** The consumer app's version: `PACT_APP_VERSION`, else the git commit (`GIT_COMMIT`, else git). */
function appVersionOf(env: AppVersionVariables, git: GitFacts): string | undefined {
  return env.PACT_APP_VERSION?.trim() || env.GIT_COMMIT?.trim() || git.commit;
}

/**
 * The consumer app's version and branch. Version = `PACT_APP_VERSION`, else the git commit. Branch =
 * `PACT_BRANCH`, else the CI's branch variable (GitHub Actions, GitLab CI, Jenkins), else the checked-out
 * git branch.
 */
export function versionInfoFrom(env: Env, git: GitFacts): VersionInfo {
  const version = appVersionOf(env, git);
  const branch =
    value(env, 'PACT_BRANCH') ??
    value(env, 'GITHUB_HEAD_REF') ??
    value(env, 'GITHUB_REF_NAME') ??
    value(env, 'CI_COMMIT_REF_NAME') ??
    value(env, 'BRANCH_NAME') ??
    value(env, 'GIT_BRANCH') ??
    (git.branch && git.branch !== 'HEAD' ? git.branch : undefined);
  const problems = [
    ...(version ? [] : [NO_APP_VERSION]),
    ...(branch
      ? []
      : ['PACT_BRANCH is not set and no branch is checked out (a detached HEAD): check one out, or set it']),
  ];
  if (!version || !branch) throw new PactConfigError(problems);
  return { version, branch, ...buildInfoFrom(env) };
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

/**
 * The harness verifies a deployed GenAuth build that it neither builds nor checks out, so its own commit
 * and branch say nothing about the provider: the provider's version is always given explicitly.
 */
const NOT_THE_HARNESS = "(its release or build number), never this harness's commit";

const deploymentEnvSchema = (settings: PactSettings, git: GitFacts) =>
  z
    .object({
      PACT_ENVIRONMENT: optionalText.pipe(
        z.string({ error: 'is not set: the environment to deploy to, e.g. production' }),
      ),
      PACT_PACTICIPANT: optionalText.pipe(
        z
          .enum([settings.consumer, settings.provider], {
            error: `must be the consumer (${settings.consumer}) or the provider (${settings.provider}) of the pact; unset means the consumer`,
          })
          .default(settings.consumer),
      ),
      PACT_PROVIDER_VERSION: optionalText,
      PACT_APP_VERSION: optionalText,
      GIT_COMMIT: optionalText,
      PACT_APPLICATION_INSTANCE: optionalText,
      PACT_CAN_I_DEPLOY_RETRIES: wholeNumber(0).default(10),
      PACT_CAN_I_DEPLOY_RETRY_INTERVAL: wholeNumber(0).default(30),
    })
    .superRefine((target, ctx) => {
      if (target.PACT_PACTICIPANT === settings.provider && !target.PACT_PROVIDER_VERSION) {
        ctx.addIssue({
          code: 'custom',
          path: ['PACT_PROVIDER_VERSION'],
          message: `is not set, so there is no version of ${settings.provider} (PACT_PACTICIPANT) to check or record: set it to the version of the GenAuth build ${NOT_THE_HARNESS}, as its verification results were published`,
        });
      }
      if (target.PACT_PACTICIPANT === settings.consumer && !appVersionOf(target, git)) {
        ctx.addIssue({ code: 'custom', path: ['PACT_APP_VERSION'], message: NO_APP_VERSION_PROBLEM });
      }
    }, whenValid('PACT_PACTICIPANT'));

export interface DeploymentTarget extends CanIDeployOptions, RecordDeploymentOptions {}

/**
 * What can-i-deploy and record-deployment are about: `PACT_PACTICIPANT` (default the consumer) in
 * `PACT_ENVIRONMENT`. The consumer's version is the app's (`PACT_APP_VERSION`, else the git commit); the
 * provider's is `PACT_PROVIDER_VERSION` only, the version its verification results were published with.
 */
export function deploymentTargetFrom(env: Env, settings: PactSettings, git: GitFacts): DeploymentTarget {
  const target = parse(deploymentEnvSchema(settings, git), env);
  const version =
    target.PACT_PACTICIPANT === settings.provider ? target.PACT_PROVIDER_VERSION : appVersionOf(target, git);
  // The refinement above has named a missing version already; this only narrows the type.
  if (!version) throw new PactConfigError([NO_APP_VERSION]);
  return {
    pacticipant: target.PACT_PACTICIPANT,
    version,
    environment: target.PACT_ENVIRONMENT,
    ...(target.PACT_APPLICATION_INSTANCE ? { applicationInstance: target.PACT_APPLICATION_INSTANCE } : {}),
    retryWhileUnknown: target.PACT_CAN_I_DEPLOY_RETRIES,
    retryIntervalSeconds: target.PACT_CAN_I_DEPLOY_RETRY_INTERVAL,
  };
}

/**
 * The consumer versions a provider verifies: each consumer's main branch, whatever is deployed or released,
 * and, when the provider's branch is known, the consumer branch of the same name.
 */
export function consumerVersionSelectors(providerBranch: string | undefined): ConsumerVersionSelector[] {
  return [
    { mainBranch: true },
    ...(providerBranch ? [{ matchingBranch: true }] : []),
    { deployedOrReleased: true },
  ];
}

export interface ConsumerVersionSelector {
  readonly mainBranch?: boolean;
  readonly matchingBranch?: boolean;
  readonly deployedOrReleased?: boolean;
}

/** Default start of the WIP window (`PACT_INCLUDE_WIP_PACTS_SINCE`). */
export const DEFAULT_WIP_SINCE = '2026-01-01';

/** The pact-js verifier options that say under which provider version, if any, results are published. */
export interface VerificationPublishing {
  /** Only when publishing: pact-core refuses the option, even `false`, without a provider version. */
  readonly publishVerificationResult?: true;
  /** `PACT_PROVIDER_VERSION`; only when publishing. */
  readonly providerVersion?: string;
  /** `PACT_PROVIDER_BRANCH`, publishing or not: the broker computes pending and WIP pacts for it. */
  readonly providerVersionBranch?: string;
  /** The verifying CI build; only when publishing. */
  readonly buildUrl?: string;
}

export interface BrokerVerifierOptions extends VerificationPublishing {
  readonly pactBrokerUrl: string;
  readonly provider: string;
  readonly consumerVersionSelectors: ConsumerVersionSelector[];
  readonly enablePending: true;
  /** Only with a provider branch: the broker finds no WIP pacts without one. */
  readonly includeWipPactsSince?: string;
  readonly pactBrokerToken?: string;
  readonly pactBrokerUsername?: string;
  readonly pactBrokerPassword?: string;
}

const VerifierEnvSchema = z
  .object({
    PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: flag,
    PACT_PROVIDER_VERSION: optionalText,
    PACT_PROVIDER_BRANCH: optionalText,
    PACT_INCLUDE_WIP_PACTS_SINCE: optionalText.pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `must be a date, e.g. ${DEFAULT_WIP_SINCE}` })
        .default(DEFAULT_WIP_SINCE),
    ),
  })
  .superRefine((env, ctx) => {
    if (!env.PACT_BROKER_PUBLISH_VERIFICATION_RESULTS) return;
    if (!env.PACT_PROVIDER_VERSION) {
      ctx.addIssue({
        code: 'custom',
        path: ['PACT_PROVIDER_VERSION'],
        message: `is not set, but PACT_BROKER_PUBLISH_VERIFICATION_RESULTS is on: set it to the version of the GenAuth build the verified environment runs ${NOT_THE_HARNESS}; or unset PACT_BROKER_PUBLISH_VERIFICATION_RESULTS to verify without publishing`,
      });
    }
    if (!env.PACT_PROVIDER_BRANCH) {
      ctx.addIssue({
        code: 'custom',
        path: ['PACT_PROVIDER_BRANCH'],
        message:
          "is not set, but PACT_BROKER_PUBLISH_VERIFICATION_RESULTS is on: set it to the provider's branch that build comes from (e.g. main); results without a branch count neither for the provider's main branch nor for the pending status of its pacts",
      });
    }
  }, whenValid('PACT_BROKER_PUBLISH_VERIFICATION_RESULTS'));

/**
 * Whether results are published and as which provider version: only with
 * `PACT_BROKER_PUBLISH_VERIFICATION_RESULTS=true` and the explicit `PACT_PROVIDER_VERSION` and
 * `PACT_PROVIDER_BRANCH` (refused without them). The harness's own git facts never stand in for them.
 */
export function verificationPublishingFrom(
  env: Env,
  build: BuildInfo = buildInfoFrom(env),
): VerificationPublishing {
  return publishingOf(parse(VerifierEnvSchema, env), build);
}

function publishingOf(parsed: z.infer<typeof VerifierEnvSchema>, build: BuildInfo): VerificationPublishing {
  const branch = parsed.PACT_PROVIDER_BRANCH ? { providerVersionBranch: parsed.PACT_PROVIDER_BRANCH } : {};
  if (!parsed.PACT_BROKER_PUBLISH_VERIFICATION_RESULTS) {
    // No providerVersion here: pact-core publishes whenever it has one and PACT_BROKER_PUBLISH_VERIFICATION_RESULTS
    // is set to anything, "false" included.
    return branch;
  }
  return {
    publishVerificationResult: true,
    ...(parsed.PACT_PROVIDER_VERSION ? { providerVersion: parsed.PACT_PROVIDER_VERSION } : {}),
    ...branch,
    ...(build.buildUrl ? { buildUrl: build.buildUrl } : {}),
  };
}

/** The broker credentials for the pact-js verifier, which takes them as options rather than from the environment. */
function verifierCredentials(env: Env, broker: BrokerSettings) {
  return broker.auth.kind === 'token'
    ? { pactBrokerToken: value(env, 'PACT_BROKER_TOKEN') }
    : broker.auth.kind === 'basic'
      ? { pactBrokerUsername: broker.auth.username, pactBrokerPassword: value(env, 'PACT_BROKER_PASSWORD') }
      : {};
}

/**
 * The pact-js verifier options of a verification of the pacts the broker selects: pending pacts always,
 * WIP pacts and the matching-branch selector when `PACT_PROVIDER_BRANCH` names the provider's branch (the
 * broker computes both from it), results published as `verificationPublishingFrom` says.
 */
export function brokerVerifierOptions(
  env: Env,
  broker: BrokerSettings,
  settings: PactSettings,
  build: BuildInfo = buildInfoFrom(env),
): BrokerVerifierOptions {
  const parsed = parse(VerifierEnvSchema, env);
  const publishing = publishingOf(parsed, build);
  const branch = publishing.providerVersionBranch;
  return {
    pactBrokerUrl: broker.baseUrl,
    provider: settings.provider,
    consumerVersionSelectors: consumerVersionSelectors(branch),
    enablePending: true,
    ...(branch ? { includeWipPactsSince: parsed.PACT_INCLUDE_WIP_PACTS_SINCE } : {}),
    ...publishing,
    ...verifierCredentials(env, broker),
  };
}

/** The one pact a "contract requiring verification published" webhook names (`PACT_URL`), when set. */
function pactUrlOf(env: Env): string | undefined {
  const { PACT_URL: url } = parse(
    z.object({
      PACT_URL: optionalText.pipe(
        z
          .url({
            protocol: /^https?$/,
            error:
              "is not an http(s) URL: give the pact URL the webhook sent (the broker's pactbroker.pactUrl)",
          })
          .optional(),
      ),
    }),
    env,
  );
  return url;
}

/**
 * Where the provider project takes its pacts from: `url` when `PACT_URL` names one pact (the webhook's
 * case), else `PACT_VERIFY_SOURCE`, default `broker` when a broker is configured, else `files`.
 */
export function verificationSource(env: Env): 'files' | 'broker' | 'url' {
  const { PACT_VERIFY_SOURCE: source } = parse(
    z.object({
      PACT_VERIFY_SOURCE: optionalText.pipe(
        z.enum(['files', 'broker'], { error: 'must be files or broker' }).optional(),
      ),
    }),
    env,
  );
  if (source !== 'files' && pactUrlOf(env)) return 'url';
  return source ?? (value(env, 'PACT_BROKER_BASE_URL') ? 'broker' : 'files');
}

/**
 * The pact-js verifier options of a verification of the one pact `PACT_URL` names, fetched with the broker's
 * credentials and published as `verificationPublishingFrom` says. No `provider` option: with one (and a
 * broker URL) pact-core would add the broker's own selection of pacts to the run.
 */
export function pactUrlVerifierOptions(
  env: Env,
  broker: BrokerSettings,
  build: BuildInfo = buildInfoFrom(env),
): { readonly pactUrls: string[] } & VerificationPublishing {
  const [url, publishing] = readTogether(
    () => pactUrlOf(env),
    () => verificationPublishingFrom(env, build),
  );
  if (!url) throw new PactConfigError(['PACT_URL is not set: the pact URL the webhook sent']);
  return { pactUrls: [url], ...publishing, ...verifierCredentials(env, broker) };
}

/** A command line for a log: arguments with spaces quoted. Holds no secret by construction. */
export function printable(binary: string, args: readonly string[]): string {
  return [binary, ...args].map((arg) => (/[\s"']/.test(arg) ? JSON.stringify(arg) : arg)).join(' ');
}
