import { type Env, whenParsed } from '../../config/parsers';
import { variablesSchema } from '../../config/schema';
import { parsePactVariables } from '../config';
import { type BuildInfo, buildInfoFrom } from './versions';

/** Whether a provider verification publishes its results to the broker, and as which provider version. */

/**
 * The harness verifies a deployed GenAuth build that it neither builds nor checks out, so its own commit
 * and branch say nothing about the provider: the provider's version is always given explicitly.
 */
export const NOT_THE_HARNESS = "(its release or build number), never this harness's commit";

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

export const VerifierEnvSchema = variablesSchema([
  'PACT_BROKER_PUBLISH_VERIFICATION_RESULTS',
  'PACT_PROVIDER_VERSION',
  'PACT_PROVIDER_BRANCH',
  'PACT_INCLUDE_WIP_PACTS_SINCE',
]).superRefine((env, ctx) => {
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
}, whenParsed('PACT_BROKER_PUBLISH_VERIFICATION_RESULTS'));

type VerifierVariables = ReturnType<typeof VerifierEnvSchema.parse>;

/**
 * Whether results are published and as which provider version: only with
 * `PACT_BROKER_PUBLISH_VERIFICATION_RESULTS=true` and the explicit `PACT_PROVIDER_VERSION` and
 * `PACT_PROVIDER_BRANCH` (refused without them). The harness's own git facts never stand in for them.
 */
export function verificationPublishingFrom(
  env: Env,
  build: BuildInfo = buildInfoFrom(env),
): VerificationPublishing {
  return publishingOf(parsePactVariables(VerifierEnvSchema, env), build);
}

export function publishingOf(parsed: VerifierVariables, build: BuildInfo): VerificationPublishing {
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
