import type { Env } from '../../config/parsers';
import { readVariables } from '../../config/schema';
import { PactConfigError, type PactSettings, parsePactVariables, readTogether } from '../config';
import {
  publishingOf,
  type VerificationPublishing,
  VerifierEnvSchema,
  verificationPublishingFrom,
} from './publishing';
import type { BrokerSettings } from './settings';
import { pactUrlOf } from './source';
import { type BuildInfo, buildInfoFrom } from './versions';

/** The pact-js verifier options of a verification from the broker: its selection of pacts, or one pact URL. */

export interface ConsumerVersionSelector {
  readonly mainBranch?: boolean;
  readonly matchingBranch?: boolean;
  readonly deployedOrReleased?: boolean;
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

/** The broker credentials for the pact-js verifier, which takes them as options rather than from the environment. */
function verifierCredentials(env: Env, broker: BrokerSettings) {
  const secrets = readVariables(
    env,
    ['PACT_BROKER_TOKEN', 'PACT_BROKER_PASSWORD'],
    (problems) => new PactConfigError(problems),
  );
  switch (broker.auth.kind) {
    case 'token':
      return { pactBrokerToken: secrets.PACT_BROKER_TOKEN };
    case 'basic':
      return { pactBrokerUsername: broker.auth.username, pactBrokerPassword: secrets.PACT_BROKER_PASSWORD };
    case 'none':
      return {};
  }
}

/**
 * The options of a verification of the pacts the broker selects: pending pacts always, WIP pacts and the
 * matching-branch selector when `PACT_PROVIDER_BRANCH` names the provider's branch (the broker computes both
 * from it), results published as `verificationPublishingFrom` says.
 */
export function brokerVerifierOptions(
  env: Env,
  broker: BrokerSettings,
  settings: PactSettings,
  build: BuildInfo = buildInfoFrom(env),
): BrokerVerifierOptions {
  const parsed = parsePactVariables(VerifierEnvSchema, env);
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

/**
 * The options of a verification of the one pact `PACT_URL` names, fetched with the broker's credentials and
 * published as `verificationPublishingFrom` says. No `provider` option: with one (and a broker URL)
 * pact-core would add the broker's own selection of pacts to the run.
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
