/**
 * The one place that decides what a secret looks like. Everything the harness writes where people or
 * machines can read it (Allure steps and attachments, JUnit, logs, error messages) goes through here.
 *
 * Three rules, applied together:
 * - by key: values under secret-looking keys (tokens, passCodes, codes, TOTP secrets, recovery codes,
 *   QR data URLs, passwords, the mock control token, authorization/cookie headers);
 * - by value: Bearer credentials, JWTs, `otpauth://` URIs, `data:` URLs, recovery codes, `secret=` query values;
 * - by memory: every value once redacted by key (and every value passed to `registerSecret`) is
 *   redacted wherever it shows up again in this process, e.g. an enrollment token echoed in an error message.
 */

import { SecretIndex } from './secret-index';

export const REDACTED = '[REDACTED]';

const SECRET_KEYS = new Set([
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'code',
  'totp',
  'otp',
  'otpauthuri',
  'qrcodeuri',
  'apikey',
  'xapikey',
]);
const SECRET_KEY_SUFFIXES = [
  'token',
  'secret',
  'password',
  'passcode',
  'recoverycode',
  'dataurl',
  'totpcode',
];

/** Values shorter than this are not remembered: they would blank out ordinary words and numbers. */
const MIN_REMEMBERED_LENGTH = 6;
const remembered = new SecretIndex(MIN_REMEMBERED_LENGTH);

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** True for keys whose values are secrets (`enrollmentToken`, `x-mock-control-token`, `passCode`, `code`, …). */
export function isSecretKey(key: string): boolean {
  const normalised = normaliseKey(key);
  return SECRET_KEYS.has(normalised) || SECRET_KEY_SUFFIXES.some((suffix) => normalised.endsWith(suffix));
}

/** Redacts `value` wherever it appears from now on in this process (configured tokens, passwords, …). */
export function registerSecret(value: string | undefined | null): void {
  if (typeof value !== 'string' || value.length < MIN_REMEMBERED_LENGTH || value === REDACTED) return;
  remembered.add(value);
  const encoded = encodeURIComponent(value);
  if (encoded !== value) remembered.add(encoded);
  const json = JSON.stringify(value).slice(1, -1);
  if (json !== value) remembered.add(json);
}

/**
 * Remembers a value found under a secret key when it looks like one (has a digit, or is long), so that
 * ordinary words such as `success` under a `code` key do not get blanked out of every title.
 */
function learn(value: string | undefined): void {
  if (value && (/\d/.test(value) || value.length >= 16)) registerSecret(value);
}

function rememberFromOtpAuthUri(uri: string): void {
  const secret = /[?&]secret=([^&#\s"'\\]+)/i.exec(uri)?.[1];
  if (secret) registerSecret(decodeURIComponent(secret));
}

const KEY = '[A-Za-z_][\\w.-]*';
const NUMBER = '-?\\d[\\d.eE+-]*';

/** `"passCode": "123456"` in JSON text. */
const JSON_PAIR = new RegExp(`"(${KEY})"(\\s*:\\s*)(?:"((?:[^"\\\\]|\\\\.)*)"|(${NUMBER}))`, 'g');
/** `\"passCode\":\"123456\"`: JSON nested in a JSON string, as in serialised messages. */
const ESCAPED_JSON_PAIR = new RegExp(
  `\\\\"(${KEY})\\\\"(\\s*:\\s*)(?:\\\\"((?:(?!\\\\").)*)\\\\"|(${NUMBER}))`,
  'g',
);
/** `passCode=123456` (query strings, forms) and `authorization: xyz` (header dumps, logs). */
const LOOSE_PAIR = new RegExp(
  `(^|[\\s?&;,{(\\[])(['"]?)(${KEY})\\2(\\s*[=:]\\s*)(['"]?)([^\\s&,;'"}\\])]+)`,
  'g',
);
const AUTH_SCHEME = /^(Bearer|Basic|Token)$/i;
/** Keys that are also plain words: in prose (`one token: exactly one succeeds`) a word after them is no secret. */
const GENERIC_KEYS = new Set(['token', 'code', 'otp', 'totp', 'secret']);
/**
 * What a `code` names when it is no verification code: a zod issue (`custom`, `invalid_type`, `too_big`) or a
 * Node, undici or Fastify error (`ECONNREFUSED`, `ERR_INVALID_URL`, `UND_ERR_SOCKET`, `FST_ERR_CTP_BODY_TOO_LARGE`).
 */
const KIND_OF_ERROR =
  /^(?:custom|invalid_[a-z_]+|too_(?:big|small)|not_multiple_of|unrecognized_keys|(?:ERR|UND_ERR|HPE|FST_ERR)_[A-Z0-9_]+|E[A-Z]{3,})$/;

/** Whether `value` under `key` names a kind of error rather than being a secret. */
function namesAnError(key: string, value: unknown): boolean {
  return typeof value === 'string' && normaliseKey(key) === 'code' && KIND_OF_ERROR.test(value);
}

const VALUE_PATTERNS: ReadonlyArray<readonly [RegExp, (match: string) => string]> = [
  [
    /otpauth(?:-migration)?:\/\/[^\s"'<>\\]+/gi,
    (match) => {
      rememberFromOtpAuthUri(match);
      return REDACTED;
    },
  ],
  [/data:[\w.+-]+\/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*;base64,[A-Za-z0-9+/=_-]+/gi, () => REDACTED],
  [/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{6,}/g, (match) => `${match.split(/\s+/)[0]} ${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, () => REDACTED],
  [/\b[0-9a-f]{4}(?:-[0-9a-f]{4}){5}\b/gi, () => REDACTED],
  [/([?&]secret=)[^&#\s"'\\]+/gi, (match) => `${match.slice(0, match.indexOf('=') + 1)}${REDACTED}`],
];

/** Redacts secrets in free text: log lines, error messages, URLs, JSON or header dumps. */
export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replace] of VALUE_PATTERNS) result = result.replace(pattern, replace);
  for (const [pattern, quote] of [
    [JSON_PAIR, '"'],
    [ESCAPED_JSON_PAIR, '\\"'],
  ] as const) {
    result = result.replace(
      pattern,
      (match, key: string, colon: string, quoted?: string, numeric?: string) => {
        if (!isSecretKey(key) || namesAnError(key, quoted)) return match;
        learn(quoted ?? numeric);
        return `${quote}${key}${quote}${colon}${quote}${REDACTED}${quote}`;
      },
    );
  }
  result = result.replace(
    LOOSE_PAIR,
    (match, lead: string, q1: string, key: string, sep: string, q2: string, value: string) => {
      if (!isSecretKey(key) || value.startsWith('[REDACTED') || AUTH_SCHEME.test(value)) return match;
      if (namesAnError(key, value)) return match;
      if (GENERIC_KEYS.has(normaliseKey(key)) && sep.includes(':') && /^[A-Za-z]+$/.test(value)) return match;
      learn(value);
      return `${lead}${q1}${key}${q1}${sep}${q2}${REDACTED}`;
    },
  );
  return remembered.replaceIn(result, REDACTED);
}

/** Redacts headers: credential headers by name, everything else by value. */
export function redactHeaders(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    result[name] = isSecretKey(name) ? secretValue(text) : redactText(text);
  }
  return result;
}

function secretValue(value: unknown): string {
  if (typeof value === 'string') {
    const scheme = /^(?:Bearer|Basic|Token)\s+(.+)$/i.exec(value);
    learn(scheme?.[1] ?? value);
    if (value.startsWith('otpauth')) rememberFromOtpAuthUri(value);
  } else if (typeof value === 'number') {
    learn(String(value));
  }
  return REDACTED;
}

/**
 * A deep copy of `value` with every secret redacted: objects and arrays by key and by value, strings as
 * text, errors as `{ name, message, stack }`. Circular references become `"[Circular]"`.
 */
export function redact<T>(value: T): T {
  return redactValue(value, new WeakSet()) as T;
}

function redactValue(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), stack: redactText(value.stack ?? '') };
  }
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return redactText(Buffer.from(value).toString());
  if (Array.isArray(value)) return value.map((item) => redactValue(item, seen));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] =
      isSecretKey(key) &&
      item !== null &&
      item !== undefined &&
      typeof item !== 'boolean' &&
      !namesAnError(key, item)
        ? typeof item === 'object'
          ? REDACTED
          : secretValue(item)
        : redactValue(item, seen);
  }
  return result;
}

/**
 * Redacts a body as it travels (JSON or not): JSON is parsed, redacted and pretty-printed so it reads well
 * in a report; anything else is redacted as text.
 */
export function redactBody(body: string | undefined): string {
  if (body === undefined || body === '') return '';
  try {
    return JSON.stringify(redact(JSON.parse(body) as unknown), null, 2);
  } catch {
    return redactText(body);
  }
}
