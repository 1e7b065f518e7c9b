import type { Env } from '../../config/parsers';
import { readVariables } from '../../config/schema';
import type { GitFacts } from '../../git';
import { PactConfigError } from '../config';

/** What the broker shows beside what the consumer publishes: the app's version and branch, and the CI build. */

/** The CI build that publishes or verifies, shown in the broker beside what it published. */
export interface BuildInfo {
  /** `PACT_BUILD_URL`, else the CI's build URL when known. */
  readonly buildUrl?: string;
}

const pactVariables = (problems: string[]) => new PactConfigError(problems);

export function buildInfoFrom(env: Env): BuildInfo {
  const ci = readVariables(
    env,
    ['PACT_BUILD_URL', 'CI_JOB_URL', 'BUILD_URL', 'GITHUB_SERVER_URL', 'GITHUB_REPOSITORY', 'GITHUB_RUN_ID'],
    pactVariables,
  );
  const githubRun =
    ci.GITHUB_SERVER_URL && ci.GITHUB_REPOSITORY && ci.GITHUB_RUN_ID
      ? `${ci.GITHUB_SERVER_URL}/${ci.GITHUB_REPOSITORY}/actions/runs/${ci.GITHUB_RUN_ID}`
      : undefined;
  const buildUrl = ci.PACT_BUILD_URL ?? ci.CI_JOB_URL ?? ci.BUILD_URL ?? githubRun;
  return buildUrl ? { buildUrl } : {};
}

/** What identifies the consumer app's version: its git commit and branch. Never the provider's. */
export interface VersionInfo extends BuildInfo {
  readonly version: string;
  readonly branch: string;
}

export const NO_APP_VERSION_PROBLEM =
  'is not set and there is no git commit: run inside a git checkout, or set it';
export const NO_APP_VERSION = `PACT_APP_VERSION ${NO_APP_VERSION_PROBLEM}`;

interface AppVersionVariables {
  readonly PACT_APP_VERSION?: string | undefined;
  readonly GIT_COMMIT?: string | undefined;
}

/** The consumer app's version: `PACT_APP_VERSION`, else the git commit (`GIT_COMMIT`, else git). */
export function appVersionOf(env: AppVersionVariables, git: GitFacts): string | undefined {
  return env.PACT_APP_VERSION || env.GIT_COMMIT || git.commit;
}

/**
 * The consumer app's version and branch. Version = `PACT_APP_VERSION`, else the git commit. Branch =
 * `PACT_BRANCH`, else the CI's branch variable (GitHub Actions, GitLab CI, Jenkins), else the checked-out
 * git branch.
 */
export function versionInfoFrom(env: Env, git: GitFacts): VersionInfo {
  const given = readVariables(
    env,
    [
      'PACT_APP_VERSION',
      'GIT_COMMIT',
      'PACT_BRANCH',
      'GITHUB_HEAD_REF',
      'GITHUB_REF_NAME',
      'CI_COMMIT_REF_NAME',
      'BRANCH_NAME',
      'GIT_BRANCH',
    ],
    pactVariables,
  );
  const version = appVersionOf(given, git);
  const branch =
    given.PACT_BRANCH ??
    given.GITHUB_HEAD_REF ??
    given.GITHUB_REF_NAME ??
    given.CI_COMMIT_REF_NAME ??
    given.BRANCH_NAME ??
    given.GIT_BRANCH ??
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
