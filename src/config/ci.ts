import { type Declaration, variable } from './declaration';
import { optionalText } from './parsers';

/** What CI systems, Node.js and the operating system set, read for the run information, the broker and children. */

const ci = (description: string, unset = 'unknown') =>
  variable({ group: 'ci', setBy: 'ci', description, unset, parser: optionalText });

export const CI_VARIABLES = {
  CI: ci('Set by CI systems: Playwright forbids test.only and fails on flaky tests.', 'a local run'),
  GITHUB_SHA: ci('GitHub Actions: the commit, for the run information.', 'the git commit'),
  GITHUB_REPOSITORY: ci('GitHub Actions: owner/name, for the build URL given to the broker.'),
  GITHUB_RUN_ID: ci('GitHub Actions: the run, for the build URL given to the broker.'),
  GITHUB_SERVER_URL: ci('GitHub Actions: the server, for the build URL given to the broker.'),
  GITHUB_HEAD_REF: ci("GitHub Actions: a pull request's branch, the consumer app's branch for the broker."),
  GITHUB_REF_NAME: ci("GitHub Actions: the branch, the consumer app's branch for the broker."),
  CI_COMMIT_REF_NAME: ci("GitLab CI: the branch, the consumer app's branch for the broker."),
  CI_JOB_URL: ci('GitLab CI: the build URL given to the broker.'),
  BRANCH_NAME: ci("Jenkins: the branch, the consumer app's branch for the broker."),
  GIT_BRANCH: ci("Jenkins: the branch, the consumer app's branch for the broker."),
  GIT_COMMIT: ci("Jenkins: the commit, the consumer app's version for the broker.", 'the git commit'),
  BUILD_URL: ci('Jenkins: the build URL given to the broker.'),
  NODE_OPTIONS: ci("Node.js's own options: passed on to the Allure CLI after the harness's.", 'none'),
  PATH: ci('The operating system: the compatibility run puts its Node.js first.', 'the system path'),
} satisfies Record<string, Declaration>;
