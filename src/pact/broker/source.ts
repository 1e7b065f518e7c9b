import type { Env } from '../../config/parsers';
import { variablesSchema } from '../../config/schema';
import { parsePactVariables } from '../config';

/** Where the provider verification takes its pacts from: pacts/, the broker's selection, or one pact URL. */

/** The one pact a "contract requiring verification published" webhook names (`PACT_URL`), when set. */
export function pactUrlOf(env: Env): string | undefined {
  return parsePactVariables(variablesSchema(['PACT_URL']), env).PACT_URL;
}

/**
 * `url` when `PACT_URL` names one pact (the webhook's case), else `PACT_VERIFY_SOURCE`, default `broker`
 * when a broker is configured, else `files`.
 */
export function verificationSource(env: Env): 'files' | 'broker' | 'url' {
  const given = parsePactVariables(variablesSchema(['PACT_VERIFY_SOURCE', 'PACT_BROKER_BASE_URL']), env);
  const source = given.PACT_VERIFY_SOURCE;
  if (source !== 'files' && pactUrlOf(env)) return 'url';
  return source ?? (given.PACT_BROKER_BASE_URL ? 'broker' : 'files');
}
