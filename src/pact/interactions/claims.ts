import type { Ability, ConsumerAdapter, WireForm } from '../../consumers/consumer';
import { defaultForm } from '../../consumers/consumer';
import { INTERACTION_KEYS, INTERACTIONS, type InteractionKey } from './index';
import type { RecordedRequest } from './record';

/** What a client must be able to do to send a request with each token. */
const TOKEN_ABILITIES: Readonly<Record<NonNullable<RecordedRequest['token']>, readonly Ability[]>> = {
  access: [],
  id: ['id-token'],
  none: ['no-token'],
};

/** Everything a client must be able to do to send an interaction's request. */
function abilitiesOf(request: RecordedRequest): readonly Ability[] {
  return [...TOKEN_ABILITIES[request.token ?? 'access'], ...(request.abilities ?? [])];
}

/**
 * Whether a consumer's pact holds an interaction: the app uses its operation and factor type, and the
 * client can call it the way it is about. An interaction about a way of calling the client uses anyway adds
 * nothing to its pact beside the plain one, and is left out.
 */
export function claims(adapter: ConsumerAdapter, key: InteractionKey): boolean {
  const { given, withRequest, unlessUses } = INTERACTIONS[key];
  const { factorType } = given.params;
  if (!adapter.uses.operations.includes(withRequest.operation)) return false;
  if (!adapter.uses.factorTypes.includes(factorType)) return false;
  if (unlessUses && adapter.uses.factorTypes.includes(unlessUses)) return false;
  const abilities = abilitiesOf(withRequest);
  if (abilities.some((ability) => !adapter.abilities.includes(ability))) return false;
  const form = Object.entries(withRequest.form ?? {}) as [keyof WireForm, string][];
  if (form.some(([aspect, value]) => !(adapter.forms[aspect] as readonly string[]).includes(value))) {
    return false;
  }
  const usual = defaultForm(adapter);
  const redundant =
    form.length > 0 && abilities.length === 0 && form.every(([aspect, value]) => usual[aspect] === value);
  return !redundant;
}

/** The interactions a consumer's pact holds, in the catalogue's order. */
export function claimedInteractions(adapter: ConsumerAdapter): InteractionKey[] {
  return INTERACTION_KEYS.filter((key) => claims(adapter, key));
}

/** The way a consumer's client calls an interaction: its own, but for what the interaction is about. */
export function formOf(adapter: ConsumerAdapter, key: InteractionKey): WireForm {
  return { ...defaultForm(adapter), ...INTERACTIONS[key].withRequest.form };
}
