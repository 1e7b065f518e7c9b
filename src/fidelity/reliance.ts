import { OPERATION_NAMES, OPERATIONS, type OperationName, SUCCESS_STATUS_CODE } from '../contract';
import { requirementsOf } from '../pact/assumed-fields';
import { pactSettingsFrom } from '../pact/config';
import { failureScenarioOf, interactionKeyOf, interactionNamed } from '../pact/interactions';
import { ENROLL_FACTOR } from '../pact/interactions/enroll-factor';
import { ENROLL_FACTOR_REFUSALS } from '../pact/interactions/enroll-factor-refusals';
import { GET_FACTOR } from '../pact/interactions/get-factor';
import { LIST_ENROLLED_FACTORS } from '../pact/interactions/list-enrolled-factors';
import { LIST_FACTORS_TO_ENROLL } from '../pact/interactions/list-factors-to-enroll';
import { MFA_TOTP_VERIFY } from '../pact/interactions/mfa-totp-verify';
import { RESET_FACTOR } from '../pact/interactions/reset-factor';
import { SEND_ENROLL_FACTOR_REQUEST } from '../pact/interactions/send-enroll-factor-request';
import { type PactFile, type PactInteraction, readPactFilesSync } from '../pact/pact-file';
import { descriptorOf, listItemPath } from './shape';

/**
 * What the committed pacts rely on, per operation and kind of answer (`success` or an error catalog
 * scenario): each path of the answer's body the pact's example has, by its type (a matcher) or by its value
 * (no matcher), in the shape notation of the recordings; and the envelope fields an error interaction pins
 * (as the interaction records say the app relies on them, or the catalog documents them).
 */

export interface ReliedPath {
  /** `value`: the pact pins what is there; `type`: only its type. */
  readonly by: 'value' | 'type';
  /** What the pact's example has there. */
  readonly expected: string;
}

/** An interaction of a committed pact, and where its record is. */
export interface RelyingInteraction {
  readonly consumer: string;
  readonly description: string;
  /** The record's key and file in src/pact/interactions/, where a record describes it. */
  readonly record?: { readonly key: string; readonly file: string };
}

export interface AnswerReliance {
  readonly paths: ReadonlyMap<string, ReliedPath>;
  /** The envelope fields some interaction pins: `statusCode`, `apiCode` (its value or that it is there). */
  readonly envelope: ReadonlySet<'statusCode' | 'apiCode'>;
  readonly interactions: readonly RelyingInteraction[];
}

/** The record files, by the interactions each holds. */
const RECORD_FILES: ReadonlyArray<readonly [string, Readonly<Record<string, unknown>>]> = [
  ['send-enroll-factor-request.ts', SEND_ENROLL_FACTOR_REQUEST],
  ['enroll-factor.ts', ENROLL_FACTOR],
  ['enroll-factor-refusals.ts', ENROLL_FACTOR_REFUSALS],
  ['list-enrolled-factors.ts', LIST_ENROLLED_FACTORS],
  ['get-factor.ts', GET_FACTOR],
  ['list-factors-to-enroll.ts', LIST_FACTORS_TO_ENROLL],
  ['reset-factor.ts', RESET_FACTOR],
  ['mfa-totp-verify.ts', MFA_TOTP_VERIFY],
];

function recordOf(description: string): RelyingInteraction['record'] {
  const key = interactionKeyOf(description);
  if (key === undefined) return undefined;
  const file = RECORD_FILES.find(([, group]) => Object.hasOwn(group, key))?.[0];
  return { key, file: `src/pact/interactions/${file ?? 'index.ts'}` };
}

interface Matcher {
  readonly match?: string;
  readonly variants?: readonly { readonly index: number; readonly rules?: Rules }[];
}
type Rules = Readonly<Record<string, { readonly matchers?: readonly Matcher[] }>>;

interface HttpPactInteraction extends PactInteraction {
  readonly request?: { readonly method?: string; readonly path?: string };
  readonly response?: {
    readonly status?: number;
    readonly body?: { readonly content?: unknown };
    readonly matchingRules?: { readonly body?: Rules };
  };
}

/** Envelope fields the recordings hold as values of their own, not as body paths. */
const ENVELOPE = new Set(['statusCode', 'apiCode', 'requestId']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Walks a pact example: `path` in the recordings' notation, `rulesAt` the matchers at a pact path relative to
 * the rules in force, `byType` whether a type matcher above already loosened everything below.
 */
function walk(
  out: Map<string, ReliedPath>,
  value: unknown,
  at: { path: string; pactPath: string; key: string },
  rulesAt: (pactPath: string) => readonly Matcher[],
  byTypeAbove: boolean,
): void {
  const matchers = rulesAt(at.pactPath);
  const byType = byTypeAbove || matchers.some((m) => m.match === 'type' || m.match === 'regex');
  out.set(at.path, { by: byType ? 'type' : 'value', expected: descriptorOf(at.key, value) });
  if (isObject(value)) {
    for (const [name, child] of Object.entries(value)) {
      if (at.path === '' && ENVELOPE.has(name)) continue;
      const path = at.path ? `${at.path}.${name}` : name;
      walk(out, child, { path, pactPath: `${at.pactPath}.${name}`, key: name }, rulesAt, byType);
    }
    return;
  }
  if (!Array.isArray(value)) return;
  const contains = matchers.find((m) => m.match === 'arrayContains');
  value.forEach((item, index) => {
    const itemAt = { path: listItemPath(at.path, item), pactPath: `${at.pactPath}[${index}]`, key: '' };
    const variant = contains?.variants?.find((candidate) => candidate.index === index);
    if (contains && !variant) return;
    // An arrayContains variant's rules are written from the item itself (`$.factorId`).
    const itemRules = variant
      ? (pactPath: string) => variant.rules?.[`$${pactPath.slice(itemAt.pactPath.length)}`]?.matchers ?? []
      : rulesAt;
    walk(out, item, itemAt, itemRules, byType && !variant);
  });
}

const keyOf = (operation: OperationName, answer: string) => `${operation} ${answer}`;

function operationOf(interaction: HttpPactInteraction): OperationName | undefined {
  const { method, path } = interaction.request ?? {};
  return OPERATION_NAMES.find(
    (name) => OPERATIONS[name].path === path && OPERATIONS[name].method === method?.toUpperCase(),
  );
}

/** What a set of pacts relies on. */
interface Collected {
  readonly paths: Map<string, ReliedPath>;
  readonly envelope: Set<'statusCode' | 'apiCode'>;
  readonly interactions: RelyingInteraction[];
}

export class Reliance {
  private readonly byAnswer = new Map<string, Collected>();

  constructor(pacts: readonly PactFile[]) {
    for (const pact of pacts) {
      for (const interaction of pact.interactions as readonly HttpPactInteraction[]) {
        this.add(pact.consumer.name, interaction);
      }
    }
  }

  private add(consumer: string, interaction: HttpPactInteraction): void {
    const operation = operationOf(interaction);
    if (!operation) return;
    const content = interaction.response?.body?.content;
    const statusCode = isObject(content) ? content.statusCode : undefined;
    const answer =
      statusCode === SUCCESS_STATUS_CODE
        ? 'success'
        : (failureScenarioOf(interactionNamed(interaction.description)) ??
          `statusCode ${String(statusCode)}`);
    const key = keyOf(operation, answer);
    const entry: Collected = this.byAnswer.get(key) ?? {
      paths: new Map(),
      envelope: new Set(),
      interactions: [],
    };
    this.byAnswer.set(key, entry);
    entry.interactions.push({
      consumer,
      description: interaction.description,
      record: recordOf(interaction.description),
    });
    const rules = interaction.response?.matchingRules?.body ?? {};
    const found = new Map<string, ReliedPath>();
    walk(found, content, { path: '', pactPath: '$', key: '' }, (p) => rules[p]?.matchers ?? [], false);
    found.delete('');
    for (const [path, relied] of found) {
      // Two interactions relying on one path: by value wins, it is the stricter.
      const known = entry.paths.get(path);
      if (!known || (known.by === 'type' && relied.by === 'value')) entry.paths.set(path, relied);
    }
    if (answer !== 'success') {
      for (const requirement of requirementsOf(interaction)) {
        if (requirement.field === 'statusCode' || requirement.field === 'apiCode') {
          entry.envelope.add(requirement.field);
        }
      }
    }
  }

  /** What the pacts rely on in one operation's answers of one kind; undefined where no pact has one. */
  of(operation: OperationName, answer: string): AnswerReliance | undefined {
    return this.byAnswer.get(keyOf(operation, answer));
  }
}

/** What the pacts committed in `PACT_DIR` (default `pacts/`) rely on. */
export function committedReliance(dir: string = pactSettingsFrom().pactDir): Reliance {
  return new Reliance(readPactFilesSync(dir));
}
