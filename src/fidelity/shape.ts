import type { Exchange } from '../client';
import {
  type CatalogEntry,
  ERROR_CATALOG,
  ERROR_SCENARIOS,
  type ErrorScenario,
  OPERATIONS,
  type OperationName,
  SUCCESS_STATUS_CODE,
} from '../contract';

/**
 * The shape of an API exchange: what a provider's answer is made of, with every volatile value (tokens, ids,
 * codes, timestamps, free-text messages) normalised away, so two runs of the same test against two providers
 * answer the same shape exactly when the providers answer alike.
 *
 * A body's shape maps each path to what is there: `string`, `number`, `boolean(true)`, `null`, `object`,
 * `array`; list items are merged under `path[]` (under `path[factorType=SMS]` where the items name their factor
 * type, since which factors a shared user has at a moment is not part of an answer's shape), and a path that
 * only some items have is `missing|…` in the others. Only values that are no one's secret and mean the same on
 * every run are kept: booleans and factor types.
 */

/** Path → what is there, e.g. `data.profile.phoneNumber` → `string`. */
export type BodyShape = Readonly<Record<string, string>>;

/** A body that is not JSON: its shape is only that. */
export const NOT_JSON = 'not JSON';

export interface RequestShape {
  readonly method: string;
  readonly operation: OperationName;
  /** Whether the request went to the operation's own path or to another one (a route the API does not have). */
  readonly path: 'operation' | 'other';
  /** Names of the query parameters sent, sorted. */
  readonly query: readonly string[];
  /** Names of the headers sent, sorted, and how the access token went: `bearer`, `bare` or none. */
  readonly headers: readonly string[];
  readonly auth: 'bearer' | 'bare' | 'none';
  readonly body: BodyShape | typeof NOT_JSON | 'none';
}

export interface AnswerShape {
  readonly httpStatus: number;
  /** The Content-Type, lower-cased without spaces; empty when none was sent. */
  readonly mediaType: string;
  /** As sent: a number, a short string of digits, or `<type>` for anything else; absent when missing. */
  readonly statusCode?: number | string;
  readonly apiCode?: number | string;
  readonly requestId: boolean;
  /** The rest of the body (statusCode, apiCode and requestId are above; message is free text: its type only). */
  readonly body: BodyShape | typeof NOT_JSON;
  /** The error catalog scenario the answer is exactly (status, statusCode, apiCode and message), if any. */
  readonly catalogScenario?: ErrorScenario;
}

export interface ExchangeShape {
  readonly request: RequestShape;
  readonly answer: AnswerShape;
}

/** Keys whose string values are kept: they name one of a few fixed things, the same on every run. */
const KEPT_STRINGS = new Set(['factorType']);

/** The envelope fields an answer's shape holds as values of their own. */
const ENVELOPE_VALUES = new Set(['statusCode', 'apiCode', 'requestId']);

type Json = unknown;

const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is at a path: its type, and its value where that is kept (booleans, factor types). */
export function descriptorOf(key: string, value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'boolean':
      return `boolean(${value})`;
    case 'string':
      return KEPT_STRINGS.has(key) && /^[A-Z_]{1,16}$/.test(value) ? `string(${value})` : 'string';
    case 'number':
      return 'number';
    case 'object':
      return 'object';
    default:
      return typeof value;
  }
}

const union = (descriptors: Iterable<string>) => [...new Set(descriptors)].sort().join('|');

/** Where an item of the list at `path` goes: its factor type's bucket when it names one, `path[]` otherwise. */
export function listItemPath(path: string, item: Json): string {
  const kind = isObject(item) && typeof item.factorType === 'string' ? item.factorType : undefined;
  return kind && /^[A-Z_]{1,16}$/.test(kind) ? `${path}[factorType=${kind}]` : `${path}[]`;
}

function shapeInto(out: Map<string, Set<string>>, path: string, key: string, value: Json): void {
  const add = (at: string, descriptor: string) => {
    const found = out.get(at) ?? new Set<string>();
    found.add(descriptor);
    out.set(at, found);
  };
  add(path, descriptorOf(key, value));
  if (isObject(value)) {
    for (const [name, child] of Object.entries(value)) {
      shapeInto(out, path ? `${path}.${name}` : name, name, child);
    }
    return;
  }
  if (!Array.isArray(value)) return;
  // Each bucket's items merged: a path some items lack is `missing` in those.
  const buckets = new Map<string, Json[]>();
  for (const item of value) {
    const at = listItemPath(path, item);
    buckets.set(at, [...(buckets.get(at) ?? []), item]);
  }
  for (const [at, items] of buckets) {
    const shapes = items.map((item) => {
      const one = new Map<string, Set<string>>();
      shapeInto(one, at, '', item);
      return one;
    });
    const paths = new Set(shapes.flatMap((one) => [...one.keys()]));
    for (const itemPathName of paths) {
      for (const one of shapes) {
        for (const descriptor of one.get(itemPathName) ?? ['missing']) add(itemPathName, descriptor);
      }
    }
  }
}

/** The shape of a JSON value: every path with what is there. The root is `$`. */
export function jsonShape(value: Json, leaveOut: ReadonlySet<string> = new Set()): BodyShape {
  const out = new Map<string, Set<string>>();
  if (isObject(value)) {
    out.set('$', new Set(['object']));
    for (const [name, child] of Object.entries(value)) {
      if (!leaveOut.has(name)) shapeInto(out, name, name, child);
    }
  } else {
    shapeInto(out, '$', '', value);
  }
  return Object.fromEntries([...out].sort(([a], [b]) => a.localeCompare(b)).map(([at, d]) => [at, union(d)]));
}

function parsed(text: string | undefined): { ok: true; value: Json } | { ok: false } {
  if (text === undefined || text.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch {
    return { ok: false };
  }
}

/** A status or code as sent, where it can be no secret: a number or a few digits; else only its type. */
function codeOf(value: Json): number | string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d{1,6}$/.test(value)) return value;
  return `<${descriptorOf('', value)}>`;
}

/** The catalog scenario whose answer this is, field for field. */
function catalogScenarioOf(httpStatus: number, body: Record<string, Json>): ErrorScenario | undefined {
  if (body.statusCode === SUCCESS_STATUS_CODE) return undefined;
  return ERROR_SCENARIOS.find((scenario) => {
    const entry: CatalogEntry = ERROR_CATALOG[scenario];
    return (
      entry.httpStatus === httpStatus &&
      entry.statusCode === body.statusCode &&
      entry.apiCode === body.apiCode &&
      entry.message === body.message
    );
  });
}

function requestShape({ operation, request }: Exchange): RequestShape {
  const url = new URL(request.url);
  const authorization = request.headers.authorization;
  const body = request.method === 'POST' ? parsed(request.body) : undefined;
  return {
    method: request.method,
    operation,
    path: url.pathname === OPERATIONS[operation].path ? 'operation' : 'other',
    query: [...new Set(url.searchParams.keys())].sort(),
    headers: Object.keys(request.headers)
      .map((name) => name.toLowerCase())
      .sort(),
    auth: authorization === undefined ? 'none' : /^bearer\s/i.test(authorization) ? 'bearer' : 'bare',
    body: body === undefined ? 'none' : body.ok ? jsonShape(body.value) : NOT_JSON,
  };
}

function answerShape({ response }: Exchange): AnswerShape {
  const mediaType = (response.headers['content-type'] ?? '').toLowerCase().replace(/\s+/g, '');
  const body = parsed(response.text);
  if (!body.ok || !isObject(body.value)) {
    return {
      httpStatus: response.status,
      mediaType,
      requestId: false,
      body: body.ok ? jsonShape(body.value) : NOT_JSON,
    };
  }
  const envelope = body.value;
  const statusCode = codeOf(envelope.statusCode);
  const apiCode = codeOf(envelope.apiCode);
  const catalogScenario = catalogScenarioOf(response.status, envelope);
  return {
    httpStatus: response.status,
    mediaType,
    ...(statusCode === undefined ? {} : { statusCode }),
    ...(apiCode === undefined ? {} : { apiCode }),
    requestId: typeof envelope.requestId === 'string' && envelope.requestId !== '',
    body: jsonShape(envelope, ENVELOPE_VALUES),
    ...(catalogScenario ? { catalogScenario } : {}),
  };
}

/** The shape of one exchange: nothing of its values but what every run answers alike. */
export function exchangeShape(exchange: Exchange): ExchangeShape {
  return { request: requestShape(exchange), answer: answerShape(exchange) };
}
