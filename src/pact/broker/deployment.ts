import { type Env, whenParsed } from '../../config/parsers';
import { parserOf, variablesSchema } from '../../config/schema';
import { z } from '../../contract/zod';
import type { GitFacts } from '../../git';
import { PactConfigError, type PactSettings, parsePactVariables } from '../config';
import type { CanIDeployOptions, RecordDeploymentOptions } from './commands';
import { NOT_THE_HARNESS } from './publishing';
import { appVersionOf, NO_APP_VERSION, NO_APP_VERSION_PROBLEM } from './versions';

/** What can-i-deploy and record-deployment are about: which pacticipant, at which version, where. */

const deploymentEnvSchema = (settings: PactSettings, git: GitFacts) =>
  variablesSchema([
    'PACT_PROVIDER_VERSION',
    'PACT_APP_VERSION',
    'GIT_COMMIT',
    'PACT_APPLICATION_INSTANCE',
    'PACT_CAN_I_DEPLOY_RETRIES',
    'PACT_CAN_I_DEPLOY_RETRY_INTERVAL',
  ])
    .extend({
      PACT_ENVIRONMENT: parserOf('PACT_ENVIRONMENT').pipe(
        z.string({ error: 'is not set: the environment to deploy to, e.g. production' }),
      ),
      PACT_PACTICIPANT: parserOf('PACT_PACTICIPANT').pipe(
        z
          .enum([settings.consumer, settings.provider], {
            error: `must be the consumer (${settings.consumer}) or the provider (${settings.provider}) of the pact; unset means the consumer`,
          })
          .default(settings.consumer),
      ),
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
    }, whenParsed('PACT_PACTICIPANT'));

export interface DeploymentTarget extends CanIDeployOptions, RecordDeploymentOptions {}

/**
 * What can-i-deploy and record-deployment are about: `PACT_PACTICIPANT` (default the consumer) in
 * `PACT_ENVIRONMENT`. The consumer's version is the app's (`PACT_APP_VERSION`, else the git commit); the
 * provider's is `PACT_PROVIDER_VERSION` only, the version its verification results were published with.
 */
export function deploymentTargetFrom(env: Env, settings: PactSettings, git: GitFacts): DeploymentTarget {
  const target = parsePactVariables(deploymentEnvSchema(settings, git), env);
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
