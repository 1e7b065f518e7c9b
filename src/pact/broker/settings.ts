import type { Env } from '../../config/parsers';
import { parserOf, variablesSchema } from '../../config/schema';
import { z } from '../../contract/zod';
import { parsePactVariables } from '../config';

/**
 * Which Pact Broker the workflow talks to, and how it signs in. Credentials never go on a command line: the
 * `pact-broker` CLI reads PACT_BROKER_TOKEN / PACT_BROKER_USERNAME / PACT_BROKER_PASSWORD from the
 * environment it inherits, so a printed command line is safe to log.
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

const brokerEnvSchema = (purpose: string) =>
  variablesSchema(['PACT_BROKER_TOKEN', 'PACT_BROKER_USERNAME', 'PACT_BROKER_PASSWORD'])
    .extend({
      PACT_BROKER_BASE_URL: parserOf('PACT_BROKER_BASE_URL').pipe(
        z.string({
          error: `is not set, so there is no broker to ${purpose}. Set it to your Pact Broker or PactFlow URL (e.g. https://broker.example.com), with PACT_BROKER_TOKEN or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD; see docs/contract-testing.md`,
        }),
      ),
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

/** The broker and its credentials; `purpose` says what a command needs it for when it is not set. */
export function brokerSettingsFrom(env: Env, purpose: string): BrokerSettings {
  const broker = parsePactVariables(brokerEnvSchema(purpose), env);
  const auth: BrokerAuth = broker.PACT_BROKER_TOKEN
    ? { kind: 'token' }
    : broker.PACT_BROKER_USERNAME
      ? { kind: 'basic', username: broker.PACT_BROKER_USERNAME }
      : { kind: 'none' };
  return { baseUrl: broker.PACT_BROKER_BASE_URL, auth };
}
