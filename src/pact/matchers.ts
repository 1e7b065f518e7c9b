import { createRequire } from 'node:module';
import type { MatchersV3 } from '@pact-foundation/pact';
import type { AppIdHeader, AuthScheme } from '../client';
import {
  type CatalogEntry,
  type CatalogField,
  documentedFields,
  ERROR_CATALOG,
  ErrorEnvelopeSchema,
  type ErrorScenario,
  OPERATIONS,
  type OperationName,
  RECOVERY_CODE_PATTERN,
  SUCCESS_STATUS_CODE,
} from '../contract';
import { HarnessError } from '../errors';
import { EXAMPLE, exampleToken } from './examples';
import { type ProviderStateValueName, stateExpression } from './interactions/states';

const require = createRequire(import.meta.url);

/**
 * pact-js's V3 matchers, loaded when a pact body is first built. pact-js loads its native core on import
 * (about a second on a busy machine); the gate and the checks read the interaction records, whose bodies
 * are built on demand, without ever building one.
 */
function pactMatchers(): typeof MatchersV3 {
  return (require('@pact-foundation/pact') as typeof import('@pact-foundation/pact')).MatchersV3;
}

/**
 * Matchers derived from the contract: literal where the contract fixes a value, by type or pattern where
 * a provider may legitimately vary it. Every body built here is checked against the zod schema of the
 * contract, so a pact can never promise something the contract forbids.
 */

/** The envelope statusCode of a failure whose exact value the documentation does not fix: any 4xx. */
export const CLIENT_ERROR_STATUS_CODE = /^4\d\d$/;

/**
 * The fields of a scenario the pact may pin: the documented ones, and the assumed ones the consumer relies on
 * (said in the interaction's record and description).
 */
export function pinnedFields(
  scenario: ErrorScenario,
  reliedOn: readonly CatalogField[] = [],
): readonly CatalogField[] {
  return [...documentedFields(ERROR_CATALOG[scenario]), ...reliedOn];
}

/**
 * The failure envelope as the pact promises it: a literal where the catalog documents a field (or the
 * consumer relies on it, `reliedOn`), otherwise only what the documentation fixes for every failure: a statusCode of
 * the 4xx class and a message of any text. An apiCode the catalog only assumes is left out altogether, so
 * a provider answering another one, or none, still honours the pact.
 */
export function errorBody(
  scenario: ErrorScenario,
  reliedOn: readonly CatalogField[] = [],
): Record<string, unknown> {
  const entry: CatalogEntry = ERROR_CATALOG[scenario];
  const fixed = (field: CatalogField) => pinnedFields(scenario, reliedOn).includes(field);
  const body: Record<string, unknown> = {
    statusCode: fixed('statusCode')
      ? entry.statusCode
      : numberMatching(CLIENT_ERROR_STATUS_CODE, entry.statusCode),
    message: pactMatchers().string(entry.message),
  };
  if (entry.apiCode !== undefined && fixed('apiCode')) body.apiCode = entry.apiCode;
  return checked(ErrorEnvelopeSchema, exampleOf(body), scenario, body);
}

/**
 * The success envelope: `statusCode` 200 is the contract's definition of success; the message is free
 * text ("Operation successful", "操作成功") and matched by type only.
 */
export function successBody(operation: OperationName, data?: unknown): Record<string, unknown> {
  const body: Record<string, unknown> = {
    statusCode: SUCCESS_STATUS_CODE,
    message: pactMatchers().string(EXAMPLE.successMessage),
  };
  if (data !== undefined) body.data = data;
  return checked(OPERATIONS[operation].response, exampleOf(body), operation, body);
}

/** A value the provider generates in a provider state, with a placeholder for the consumer test. */
export function fromState<V>(name: ProviderStateValueName, example: V) {
  return pactMatchers().fromProviderState(stateExpression(name), example);
}

/** Any string: the example stands for every other. */
export function anyString(example: string) {
  return pactMatchers().string(example);
}

/** Any value of the example's type, an object of any content for `{}`. */
export function like<T>(example: T) {
  return pactMatchers().like(example);
}

/** An array holding, among any others, an item that matches `variant`. */
export function arrayContaining(variant: unknown) {
  return pactMatchers().arrayContaining(variant);
}

/** An opaque token: any non-empty string. Its length and alphabet are the provider's business. */
export function opaqueToken(example: string = EXAMPLE.enrollmentToken) {
  return pactMatchers().regex(/^\S+$/, example);
}

/** `otpData` of an OTP enrollment: the shape the consumer relies on to render the QR code and the recovery code. */
export function otpDataMatcher() {
  const { regex } = pactMatchers();
  return {
    qrCodeUri: regex(/^otpauth:\/\/totp\/[^?]+\?(?:.*&)?secret=[A-Z2-7]+=*(?:&.*)?$/, EXAMPLE.qrCodeUri),
    qrCodeDataUrl: regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, EXAMPLE.qrCodeDataUrl),
    recoveryCode: regex(RECOVERY_CODE_PATTERN, EXAMPLE.recoveryCode),
  };
}

/** How an official client sends the access token: `Bearer <token>` (Java, C#, Guard iOS, Android) or bare (Node, Python, Go). */
export const AUTHORIZATION_HEADER: Readonly<Record<AuthScheme, RegExp>> = {
  bearer: /^Bearer \S+$/,
  // One word, so never `Bearer <token>` (the pact core's regex engine has no lookahead).
  bare: /^\S+$/,
};

export interface RequestHeaderOptions {
  /** Default `access`: the request carries an access token; `id` the sign-in's id_token; `none` no token. */
  readonly token?: 'access' | 'id' | 'none';
  /** Default `bearer`. */
  readonly authScheme?: AuthScheme;
  /** Default `x-authing-app-id`; the GenAuth SDKs send `x-genauth-app-id`. */
  readonly appIdHeader?: AppIdHeader;
  /** A content type with a charset, where the client sends one; `jsonBody` adds the plain one otherwise. */
  readonly contentType?: string;
}

/**
 * A content type of JSON with a UTF-8 charset, as the Go (`application/json;charset=UTF-8`), C# and Android
 * (`application/json; charset=utf-8`) SDKs write it. Spelled out case by case: the pact core's regexes
 * take no flags.
 */
const JSON_WITH_CHARSET = /^application\/json\s*;\s*charset=[uU][tT][fF]-8$/;

/**
 * Headers of a request as the client sends them. The token is a placeholder: the provider verification's
 * request filter puts a fresh one in its place (an id_token for `example-id-token`), in the same form and
 * under the same header name.
 */
export function requestHeaders({
  token = 'access',
  authScheme = 'bearer',
  appIdHeader = 'x-authing-app-id',
  contentType,
}: RequestHeaderOptions = {}) {
  const { regex, string } = pactMatchers();
  const headers: Record<string, ReturnType<typeof string>> = { [appIdHeader]: string(EXAMPLE.appId) };
  if (token !== 'none') {
    const value = exampleToken(token);
    const example = authScheme === 'bearer' ? `Bearer ${value}` : value;
    headers.authorization = regex(AUTHORIZATION_HEADER[authScheme], example);
  }
  if (contentType && contentType !== 'application/json') {
    headers['Content-Type'] = regex(JSON_WITH_CHARSET, contentType);
  }
  return headers;
}

/** A regex matcher of a number: pact-js's `Matcher` interface, which its own matchers implement. */
export interface NumberRegexMatcher extends MatchersV3.Matcher<number> {
  readonly regex: string;
}

/**
 * A number whose decimal form matches `pattern`. pact-js's `regex` only takes string examples, and its
 * `matchStatus` applies to the HTTP status alone (a body value passes any status class); the pact core
 * applies a regex rule to a number's text, so a matcher of pact-js's exported `Matcher` interface keeps
 * the example a number on the wire.
 */
export function numberMatching(pattern: RegExp, example: number): NumberRegexMatcher {
  if (!pattern.test(String(example))) {
    throw new HarnessError(`example ${example} does not match ${pattern}`);
  }
  return { 'pact:matcher:type': 'regex', regex: pattern.source, value: example };
}

/** The example a consumer test receives for a body with matchers (`reify` does not know `arrayContaining`). */
export function exampleOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(exampleOf);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (record['pact:matcher:type'] === 'arrayContains') return (record.variants as unknown[]).map(exampleOf);
  if ('pact:matcher:type' in record || 'pact:generator:type' in record) return exampleOf(record.value);
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, exampleOf(item)]));
}

function checked<T>(
  schema: { safeParse(value: unknown): { success: boolean; error?: { message: string } } },
  example: unknown,
  what: string,
  body: T,
): T {
  const result = schema.safeParse(example);
  if (!result.success) {
    throw new HarnessError(
      `the pact body for ${what} contradicts the contract schema: ${result.error?.message}`,
    );
  }
  return body;
}
