import { z } from '../contract/zod';
import { type Declaration, variable, variableWithDefault } from './declaration';
import { flag, isoDate, nameList, oneOf, optionalText, wholeNumber } from './parsers';

/** The pact's parties and files, and the Pact Broker workflow of the teams on either side of it. */

const DEFAULT_CONSUMER_NAME = 'mfa-enrollment-app';
const DEFAULT_PROVIDER_NAME = 'genauth-authentication-api';
export const PACT_LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;
const VERIFY_SOURCES = ['files', 'broker'] as const;
/** The start of the WIP window (`PACT_INCLUDE_WIP_PACTS_SINCE`). */
const DEFAULT_WIP_SINCE = '2026-01-01';

/** A pacticipant name the broker accepts in a URL path. */
const pacticipant = (example: string) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
        error: `is not a usable pacticipant name: use letters, digits, ".", "_" or "-", e.g. ${example}`,
      })
      .optional(),
  );

const url = (error: string) => optionalText.pipe(z.url({ protocol: /^https?$/, error }).optional());

export const PACT_VARIABLES = {
  PACT_CONSUMERS: variableWithDefault({
    group: 'pact',
    description:
      "The consumers whose own code writes the pacts, comma-separated: built-in adapters (`harness`, the harness's typed client; `authing-node-sdk`, the official Node SDK) or paths of a team's adapter files (docs/examples/my-app-consumer.ts shows one). Each writes its own pact.",
    default: 'harness,authing-node-sdk',
    parser: nameList,
  }),
  PACT_PROVIDER_NAME: variableWithDefault({
    group: 'pact',
    description: "The provider's pacticipant name, as the broker knows it.",
    default: DEFAULT_PROVIDER_NAME,
    parser: pacticipant(DEFAULT_PROVIDER_NAME),
  }),
  PACT_CONSUMER_NAME: variableWithDefault({
    group: 'pact',
    setBy: 'internal',
    description: "The consumer name of the harness's own adapter (a team's adapter names its own).",
    default: DEFAULT_CONSUMER_NAME,
    parser: pacticipant(DEFAULT_CONSUMER_NAME),
  }),
  PACT_DIR: variableWithDefault({
    group: 'pact',
    setBy: 'internal',
    description:
      'Where pact files are written and read (committed; `npm run pact:drift` guards them and sets it for its own run).',
    default: 'pacts',
    parser: optionalText,
  }),
  PACT_LOG_LEVEL: variableWithDefault({
    group: 'pact',
    setBy: 'internal',
    description: `The pact-js and pact core log level: ${PACT_LOG_LEVELS.join(', ')}.`,
    default: 'warn',
    parser: oneOf(PACT_LOG_LEVELS),
  }),
  PACT_VERIFY_SOURCE: variable({
    group: 'pact',
    setBy: 'internal',
    description:
      'Where the provider verification takes its pacts from: files (pacts/) or broker. `npm run pact:verify` sets files, `npm run pact:verify:broker` broker.',
    unset: 'broker when PACT_BROKER_BASE_URL is set, else files',
    parser: oneOf(VERIFY_SOURCES),
  }),
  PACT_DO_NOT_TRACK: variable({
    group: 'pact',
    setBy: 'internal',
    description: "Pact's usage statistics: the harness sets true unless it is set.",
    unset: 'true',
    parser: optionalText,
  }),
} satisfies Record<string, Declaration>;

export const BROKER_VARIABLES = {
  PACT_BROKER_BASE_URL: variable({
    group: 'broker',
    description: 'The Pact Broker (or PactFlow) of the broker workflow.',
    unset: 'the broker commands refuse to run',
    parser: url('is not an http(s) URL; e.g. https://broker.example.com').transform((text) =>
      text?.replace(/\/+$/, ''),
    ),
  }),
  PACT_BROKER_TOKEN: variable({
    group: 'broker',
    description: "The broker's bearer token (PactFlow).",
    unset: 'PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD, or an open broker',
    parser: optionalText,
  }),
  PACT_BROKER_USERNAME: variable({
    group: 'broker',
    description: 'The basic-auth username of the broker; set together with PACT_BROKER_PASSWORD.',
    unset: 'PACT_BROKER_TOKEN, or an open broker',
    parser: optionalText,
  }),
  PACT_BROKER_PASSWORD: variable({
    group: 'broker',
    description: 'The basic-auth password of the broker.',
    unset: 'PACT_BROKER_TOKEN, or an open broker',
    parser: optionalText,
  }),
  PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: variableWithDefault({
    group: 'broker',
    description:
      '`true` publishes the results of pact:verify:broker to the broker (CI only); needs PACT_PROVIDER_VERSION and PACT_PROVIDER_BRANCH.',
    default: 'false',
    parser: flag,
  }),
  PACT_PROVIDER_VERSION: variable({
    group: 'broker',
    description:
      "The version of the GenAuth build the verified environment runs (its release or build number), never the harness's own commit: the version verification results are published as, and the provider's for can-i-deploy and record-deployment.",
    unset: 'no default; required to publish, and for the provider as PACT_PACTICIPANT',
    parser: optionalText,
  }),
  PACT_PROVIDER_BRANCH: variable({
    group: 'broker',
    description:
      'The provider branch that build comes from (e.g. main). Used without publishing too: the broker computes pending pacts, WIP pacts and the matchingBranch selector from it.',
    unset: 'no matching branch and no WIP pacts; required to publish',
    parser: optionalText,
  }),
  PACT_ENVIRONMENT: variable({
    group: 'broker',
    description: 'The environment can-i-deploy asks about and record-deployment records, e.g. production.',
    unset: 'required by those two commands',
    parser: optionalText,
  }),
  PACT_PACTICIPANT: variable({
    group: 'broker',
    description:
      "Whose deployment can-i-deploy and record-deployment are about: the consumer (its version is the app's) or the provider (its version is PACT_PROVIDER_VERSION, never git's).",
    unset: 'the consumer, PACT_CONSUMER_NAME',
    parser: optionalText,
  }),
  PACT_URL: variable({
    group: 'broker',
    setBy: 'internal',
    description:
      'The one pact to verify, as the broker\'s "contract requiring verification published" webhook names it (its pactbroker.pactUrl): pact:verify:broker then verifies exactly that pact. Set by the CI job the webhook starts.',
    unset: "the broker's selection",
    parser: url(
      "is not an http(s) URL: give the pact URL the webhook sent (the broker's pactbroker.pactUrl)",
    ),
  }),
  PACT_INCLUDE_WIP_PACTS_SINCE: variableWithDefault({
    group: 'broker',
    setBy: 'internal',
    description:
      'WIP pacts created since this date are verified too (needs PACT_PROVIDER_BRANCH); pending pacts always are.',
    default: DEFAULT_WIP_SINCE,
    parser: isoDate(DEFAULT_WIP_SINCE),
  }),
  PACT_APP_VERSION: variable({
    group: 'broker',
    setBy: 'internal',
    description:
      "The consumer app's version, for pact:publish, can-i-deploy and record-deployment of the consumer.",
    unset: 'GIT_COMMIT, else the git commit',
    parser: optionalText,
  }),
  PACT_BRANCH: variable({
    group: 'broker',
    setBy: 'internal',
    description: "The consumer app's branch, for pact:publish.",
    unset:
      "the CI's branch variable (GITHUB_HEAD_REF, GITHUB_REF_NAME, CI_COMMIT_REF_NAME, BRANCH_NAME, GIT_BRANCH), else the git branch",
    parser: optionalText,
  }),
  PACT_BUILD_URL: variable({
    group: 'broker',
    setBy: 'internal',
    description: 'The CI build shown in the broker beside published pacts and verification results.',
    unset: "the CI's build URL where known (GitHub Actions, GitLab CI's CI_JOB_URL, Jenkins' BUILD_URL)",
    parser: optionalText,
  }),
  PACT_APPLICATION_INSTANCE: variable({
    group: 'broker',
    setBy: 'internal',
    description: 'record-deployment: the instance of the app, when several run in one environment.',
    unset: 'none',
    parser: optionalText,
  }),
  PACT_CAN_I_DEPLOY_RETRIES: variableWithDefault({
    group: 'broker',
    setBy: 'internal',
    description: 'How often can-i-deploy asks again while a verification result is missing.',
    default: '10',
    parser: wholeNumber(0),
  }),
  PACT_CAN_I_DEPLOY_RETRY_INTERVAL: variableWithDefault({
    group: 'broker',
    setBy: 'internal',
    description: 'Seconds between two of those questions.',
    default: '30',
    parser: wholeNumber(0),
  }),
} satisfies Record<string, Declaration>;
