import fc from 'fast-check';
import {
  ERROR_CATALOG,
  ERROR_SCENARIOS,
  ErrorEnvelopeSchema,
  FIELD_LIMITS,
  isCatalogMessage,
  LoginTokenRespDtoSchema,
  OPERATION_NAMES,
  OPERATIONS,
  SIGNIN_PATH,
} from '../../src/contract';
import type { z } from '../../src/contract/zod';
import { HarnessError } from '../../src/errors';
import { CONTROL_PREFIX } from '../../src/mock/control-api';
import { DEFECT_IDS } from '../../src/mock/defects';
import { enroll, expect, type Harness, type MockUser, test, withMock } from './fixtures';
import { plainRequest } from './plain-http';

/**
 * Random requests per endpoint: `FUZZ_RUNS`, default 300; the nightly runs 1000. The fuzz looks for answers
 * that break the envelope (a 5xx, a body that is not JSON) and failures that change state; each provider
 * defect of that kind (an HTTP 500 on malformed JSON, on wrong types, on long fields) failed it within its
 * first 100 requests to every endpoint it touches.
 */
const RUNS_PER_ENDPOINT = fuzzRuns(process.env.FUZZ_RUNS);
/** Far from the sweeper: a sweep between two snapshots would look like a change made by a failed request. */
const QUIET_MOCK = { rateLimitPerSecond: 0, sweepIntervalMs: 3_600_000 } as const;

function fuzzRuns(value: string | undefined): number {
  if (value === undefined || value === '') return 300;
  if (!/^[1-9]\d*$/.test(value)) {
    throw new HarnessError(`FUZZ_RUNS=${value} is not a number of requests: give a whole number, e.g. 1000.`);
  }
  return Number(value);
}

// ---- values ---------------------------------------------------------------------------------------

const anyValue = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 300 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

/** Characters that break naive code: NUL, bidi overrides, zero-width, lone surrogates, astral, combining marks. */
const unusualText = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
  fc.constantFrom(
    '\u0000',
    '\u202e\u202d',
    '\ufeff',
    '\u200b\u200d',
    '\ud800',
    '\udfff',
    'a\u0301\u0301\u0301',
    '中文@例子.测试',
    '😀@😀.test',
    '%00%ff%',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '\u0024{7*7}{{7*7}}',
    '__proto__',
    'constructor',
    ' \t\r\n ',
    '+86 138-0000-0000',
    '9'.repeat(30),
    '-0',
    '1e309',
  ),
);

/** Lengths on both sides of every limit, and far beyond; filled with one-, two- and three-byte and astral characters. */
const LENGTHS = [...new Set(Object.values(FIELD_LIMITS).flatMap((limit) => [limit - 1, limit, limit + 1]))];
const longText = fc
  .tuple(fc.constantFrom(...LENGTHS, 10_000, 30_000), fc.constantFrom('a', '7', '%', ' ', 'é', '中', '😀'))
  .map(([length, unit]) => unit.repeat(unit.length === 2 ? Math.ceil(length / 2) : length));

const fieldValue = fc.oneof({ weight: 3, arbitrary: anyValue }, unusualText, longText);

// ---- requests -------------------------------------------------------------------------------------

/** Bodies shaped like the real DTOs (sign-in included), with any field missing, of any type, unusual or long. */
const shapedBody = fc.record(
  {
    factorType: fc.oneof(fc.constantFrom('OTP', 'SMS', 'EMAIL', 'FACE', 'sms', '', 'WEBAUTHN'), fieldValue),
    profile: fc.oneof(
      anyValue,
      fc.record(
        { phoneNumber: fieldValue, email: fieldValue, phoneCountryCode: fieldValue },
        { requiredKeys: [] },
      ),
    ),
    enrollmentToken: fc.oneof(fieldValue, fc.base64String({ minLength: 172, maxLength: 172 })),
    enrollmentData: fc.oneof(
      anyValue,
      fc.record({ passCode: fieldValue, photo: fieldValue, isExternalPhoto: anyValue }, { requiredKeys: [] }),
    ),
    factorId: fieldValue,
    totp: fieldValue,
    connection: fc.oneof(fc.constant('PASSWORD'), anyValue),
    passwordPayload: fc.oneof(
      anyValue,
      fc.record(
        {
          account: fieldValue,
          email: fieldValue,
          phone: fieldValue,
          username: fieldValue,
          password: fieldValue,
        },
        { requiredKeys: [] },
      ),
    ),
    __proto__: anyValue,
  },
  { requiredKeys: [] },
);

const bodyText = fc.oneof(
  { weight: 4, arbitrary: shapedBody.map((body) => JSON.stringify(body)) },
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  shapedBody.map((body) => JSON.stringify(body).slice(0, -1)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  shapedBody.map((body) => JSON.stringify({ ...body, factorId: 'x'.repeat(20_000) })),
  fc.constantFrom('', ' ', 'null', '[]', '"x"', '{', '{"factorType":"OTP",}', '\u0000', '{"a":1}{"b":2}'),
);

/** A query value as a browser would encode it: lone surrogates become U+FFFD (encodeURIComponent throws on them). */
const encode = (value: string) => encodeURIComponent(value.replace(/\p{Surrogate}/gu, '\ufffd'));

/** Query values; long ones may take the request past Node's 16 KB header limit (its own envelope, HTTP 431). */
const queryValue = fc.oneof(
  fc.string({ maxLength: 200 }),
  unusualText,
  longText.map((text) => text.slice(0, 2_000)),
);
const queryText = fc.oneof(
  queryValue.map((value) => `factorId=${encode(value)}`),
  fc
    .string({ unit: 'grapheme-ascii', maxLength: 80 })
    .map((value) => `factorId=${value.replaceAll('#', '')}`),
  fc
    .array(fc.tuple(fc.string({ maxLength: 10 }), queryValue), { maxLength: 4 })
    .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')),
  fc.constantFrom(
    '',
    'factorId=',
    'factorId',
    'factorId=a&factorId=b',
    'factorId=%',
    'factorId=%E0%A4%A',
    '&&&',
    'factorId[__proto__][x]=1',
  ),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  undefined,
);

// ---- nearly valid requests: one field spoiled ------------------------------------------------------------

type Fields = Record<string, unknown>;

/** The paths of the leaves (non-object values) of a request. */
function leafPaths(value: Fields, prefix: readonly string[] = []): string[][] {
  return Object.entries(value).flatMap(([key, item]) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? leafPaths(item as Fields, [...prefix, key])
      : [[...prefix, key]],
  );
}

/** A copy of `template` with one leaf (the `pick`-th, cycling) set to `value`; a template without leaves gets one. */
function spoiled(template: Fields, pick: number, value: unknown): Fields {
  const copy = structuredClone(template);
  const paths = leafPaths(copy);
  const path = paths.length > 0 ? (paths[pick % paths.length] as string[]) : ['factorId'];
  let parent: Fields = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Fields;
  parent[path.at(-1) as string] = value;
  return copy;
}

/** Requests each endpoint accepts (or answers with a business rule), by path: the ones to spoil. */
function acceptedInputs(
  user: MockUser,
  seed: { account: string; password: string },
): Record<string, Fields[]> {
  const token = Buffer.alloc(128, 3).toString('base64');
  return {
    [OPERATIONS.sendEnrollFactorRequest.path]: [
      { factorType: 'SMS', profile: { phoneNumber: '13800000000', phoneCountryCode: '+86' } },
      { factorType: 'EMAIL', profile: { email: 'fuzz-bind@example.test' } },
      { factorType: 'OTP', profile: {} },
      { factorType: 'FACE', profile: {} },
    ],
    [OPERATIONS.enrollFactor.path]: [
      { factorType: 'SMS', enrollmentToken: token, enrollmentData: { passCode: '123456' } },
      {
        factorType: 'FACE',
        enrollmentToken: token,
        enrollmentData: { photo: 'https://x.test/a.jpg', isExternalPhoto: true },
      },
    ],
    [OPERATIONS.resetFactor.path]: [{ factorId: `${user.userId}|otp` }],
    [OPERATIONS.listEnrolledFactors.path]: [{}],
    [OPERATIONS.getFactor.path]: [{ factorId: `${user.userId}|phone` }],
    [OPERATIONS.listFactorsToEnroll.path]: [{}],
    [OPERATIONS.mfaOtpVerify.path]: [{ totp: '123456' }],
    [SIGNIN_PATH]: [
      { connection: 'PASSWORD', passwordPayload: { account: seed.account, password: seed.password } },
    ],
  };
}

/** Query parameters as text, any value as a string. */
const asQuery = (fields: Fields) =>
  Object.entries(fields)
    .map(
      ([key, value]) =>
        `${encode(key)}=${encode(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))}`,
    )
    .join('&');

// ---- judging ----------------------------------------------------------------------------------------

type AnswerBody = { statusCode?: unknown; message?: unknown };

/** The JSON body of an answer, or what is wrong with it whatever it says: a 5xx, or not JSON at all. */
function jsonAnswer(status: number, text: string): { problem: string } | { body: AnswerBody } {
  if (status >= 500) return { problem: `HTTP ${status}: ${text}` };
  try {
    return { body: JSON.parse(text) as AnswerBody };
  } catch {
    return { problem: `not JSON: ${text}` };
  }
}

/**
 * What is wrong with an answer of the public API, if anything: a 5xx, a body that is not JSON, a success
 * that breaks the endpoint's schema, or a failure that is not a catalog answer. A plain function, not
 * expect(): a thousand cases would otherwise each record several steps in the report.
 */
function catalogEnvelopeProblem(success: z.ZodType, status: number, text: string): string | undefined {
  const parsed = jsonAnswer(status, text);
  if ('problem' in parsed) return parsed.problem;
  const { body } = parsed;
  if (body.statusCode === 200)
    return success.safeParse(body).success ? undefined : `invalid success: ${text}`;
  if (!ErrorEnvelopeSchema.safeParse(body).success) return `not an error envelope: ${text}`;
  // Headers over 16 KB: refused before any route, with the mock's envelope (connection-errors.spec.ts).
  if (status === 431 && body.statusCode === 431 && 'requestId' in body) return undefined;
  const scenario = ERROR_SCENARIOS.find(
    (each) => ERROR_CATALOG[each].statusCode === body.statusCode && isCatalogMessage(each, body.message),
  );
  const entry = scenario && ERROR_CATALOG[scenario];
  if (!entry) return `not a catalog answer: ${text}`;
  return status === entry.httpStatus
    ? undefined
    : `HTTP ${status}, the catalog says ${entry.httpStatus}: ${text}`;
}

const failed = (status: number, text: string) => status !== 200 || !text.includes('"statusCode":200');

/** The mock's sizes (control plane), as text. */
async function statsOf(harness: Harness): Promise<string> {
  return (await plainRequest(`${harness.mock.url}${CONTROL_PREFIX}/stats`, { method: 'GET' })).text;
}

/** The mock's sizes and the user's factors: what a failed request must leave as it was. */
async function stateOf(harness: Harness, user: MockUser): Promise<string> {
  const factors = await plainRequest(`${harness.mock.url}${OPERATIONS.listEnrolledFactors.path}`, {
    method: 'GET',
    headers: { authorization: `Bearer ${user.accessToken}` },
  });
  return JSON.stringify({
    stats: await statsOf(harness),
    factors: (JSON.parse(factors.text) as { data?: unknown }).data,
  });
}

/** Every public endpoint: the seven MFA operations and the password sign-in. */
const ENDPOINTS = [
  ...OPERATION_NAMES.map((name) => ({
    ...OPERATIONS[name],
    response: OPERATIONS[name].response as z.ZodType,
  })),
  { method: 'POST' as const, path: SIGNIN_PATH, response: LoginTokenRespDtoSchema as z.ZodType },
];

test.describe('random malformed, long and unusual requests never break the mock', () => {
  for (const { method, path, response } of ENDPOINTS) {
    test(`${RUNS_PER_ENDPOINT} random requests to ${method} ${path} get catalog envelopes, and failures change nothing`, async () => {
      test.setTimeout(180_000);
      const seed = { account: 'fuzz', password: 'fuzz-password', email: 'fuzz@example.test' };
      await withMock({ ...QUIET_MOCK, seedUsers: [seed] }, async (harness) => {
        const user = await harness.newUser();
        await enroll(harness, user, 'SMS');
        const authorization = fc.constantFrom(
          `Bearer ${user.accessToken}`,
          user.accessToken,
          `Bearer ${user.accessToken}x`,
          'Bearer',
          'Basic dXNlcjpwYXNz',
          undefined,
        );
        const wild = fc.record({
          wrongMethod: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
          authorization,
          appId: fc.constantFrom(
            user.appId,
            harness.mock.seededUsers[0]!.appId,
            undefined,
            'unknown-app',
            '',
          ),
          contentType,
          body: bodyText,
          query: queryText,
        });
        // Requests the mock would accept but for one field: these reach its business rules.
        const nearlyAccepted = fc
          .tuple(fc.constantFrom(...(acceptedInputs(user, seed)[path] ?? [{}])), fc.nat(), fieldValue)
          .map(([template, pick, value]) => {
            const fields = spoiled(template, pick, value);
            return {
              wrongMethod: false,
              authorization: `Bearer ${user.accessToken}`,
              appId: path === SIGNIN_PATH ? harness.mock.seededUsers[0]!.appId : user.appId,
              contentType: 'application/json',
              body: JSON.stringify(fields),
              query: asQuery(fields),
            };
          });
        const request = fc.oneof(wild, nearlyAccepted);
        let runs = 0;
        let failures = 0;
        // The state as last seen: unchanged by a failure, so only a success (rarer) needs a new look.
        let known = await stateOf(harness, user);
        await fc.assert(
          fc.asyncProperty(request, async (input) => {
            runs++;
            const headers: Record<string, string> = {};
            if (input.authorization !== undefined) headers.authorization = input.authorization;
            if (input.appId !== undefined) headers['x-authing-app-id'] = input.appId;
            const sendsBody = method === 'POST' && !input.wrongMethod;
            if (sendsBody && input.contentType) headers['content-type'] = input.contentType;
            const actualMethod = input.wrongMethod ? (method === 'POST' ? 'GET' : 'POST') : method;
            const answer = await plainRequest(
              `${harness.mock.url}${path}${method === 'GET' && input.query ? `?${input.query}` : ''}`,
              { method: actualMethod, headers, body: sendsBody ? input.body : undefined },
            );
            const problem = catalogEnvelopeProblem(response, answer.status, answer.text);
            if (problem) throw new Error(problem);
            const after = await stateOf(harness, user);
            if (!failed(answer.status, answer.text)) {
              known = after;
              return;
            }
            failures++;
            if (after !== known) throw new Error(`a failed request changed the state: ${known} -> ${after}`);
          }),
          { numRuns: RUNS_PER_ENDPOINT },
        );
        expect(runs).toBeGreaterThanOrEqual(RUNS_PER_ENDPOINT);
        expect(failures).toBeGreaterThan(0);
      });
    });
  }
});

// ---- the control plane ---------------------------------------------------------------------------------

const CONTROL_ROUTES = [
  { method: 'POST', path: '/users' },
  { method: 'GET', path: '/outbox' },
  { method: 'POST', path: '/clock' },
  { method: 'GET', path: '/clock' },
  { method: 'PUT', path: '/defects' },
  { method: 'GET', path: '/defects' },
  { method: 'POST', path: '/reset' },
  { method: 'GET', path: '/health' },
  { method: 'GET', path: '/stats' },
  { method: 'POST', path: '/sweep' },
] as const;

/** What is wrong with a control answer, if anything: a 5xx, or a failure without `{ statusCode, message }`. */
function controlAnswerProblem(status: number, text: string): string | undefined {
  const parsed = jsonAnswer(status, text);
  if ('problem' in parsed) return parsed.problem;
  const { body } = parsed;
  if (status === 200) return undefined;
  if (status === 404 && body.message === ERROR_CATALOG.routeNotFound.message) return undefined;
  return body.statusCode === status && typeof body.message === 'string'
    ? undefined
    : `not a control error: ${text}`;
}

/** What a refused control request must leave as it was: the mock's sizes and its defects. */
async function controlStateOf(harness: Harness): Promise<string> {
  const defects = await plainRequest(`${harness.mock.url}${CONTROL_PREFIX}/defects`, { method: 'GET' });
  return JSON.stringify({ stats: await statsOf(harness), defects: defects.text });
}

test.describe('random control requests never break the control plane', () => {
  for (const { method, path } of CONTROL_ROUTES) {
    test(`${RUNS_PER_ENDPOINT} random ${method} ${CONTROL_PREFIX}${path} requests get JSON answers, and failures change nothing`, async () => {
      test.setTimeout(180_000);
      await withMock(QUIET_MOCK, async (harness) => {
        const user = await harness.newUser();
        const controlBody = fc.record(
          {
            userId: fc.oneof(fc.constant(user.userId), fieldValue),
            advanceMs: fc.oneof(
              fc.integer({ min: -1, max: 3_600_000 }),
              fc.constantFrom(Number.MAX_SAFE_INTEGER, 1e300, -0, 0.5),
              anyValue,
            ),
            defects: fc.oneof(
              fc.subarray([...DEFECT_IDS], { maxLength: 3 }),
              fc.array(fieldValue, { maxLength: 3 }),
            ),
            factorTypes: fc.oneof(fc.subarray(['OTP', 'SMS', 'EMAIL', 'FACE']), anyValue),
            phoneNumber: fieldValue,
            email: fieldValue,
            userPoolName: fieldValue,
            __proto__: anyValue,
          },
          { requiredKeys: [] },
        );
        const accepted: Record<string, Fields> = {
          'POST /users': {
            email: 'made@example.test',
            phoneNumber: '13800000001',
            userPoolName: 'Pool',
            factorTypes: ['OTP'],
          },
          'POST /clock': { userId: user.userId, advanceMs: 1_000 },
          'GET /clock': { userId: user.userId },
          'GET /outbox': { to: user.email },
          'PUT /defects': { defects: ['bind-nothing'] },
        };
        const nearlyAccepted = fc.tuple(fc.nat(), fieldValue).map(([pick, value]) => {
          const fields = spoiled(accepted[`${method} ${path}`] ?? {}, pick, value);
          return { contentType: 'application/json', body: JSON.stringify(fields), query: asQuery(fields) };
        });
        const wild = fc.record({
          contentType,
          body: fc.oneof({ weight: 4, arbitrary: controlBody.map((body) => JSON.stringify(body)) }, bodyText),
          query: fc.oneof(
            queryText,
            queryValue.map((value) => `to=${encode(value)}`),
            queryValue.map((value) => `userId=${encode(value)}`),
            fc.constant(`userId=${user.userId}`),
            fc.constant('to=a&to=b'),
          ),
        });
        const request = fc.oneof(wild, nearlyAccepted);
        let runs = 0;
        let known = await controlStateOf(harness);
        await fc.assert(
          fc.asyncProperty(request, async (input) => {
            runs++;
            const changes = method !== 'GET';
            const headers: Record<string, string> = {};
            if (changes && input.contentType) headers['content-type'] = input.contentType;
            const answer = await plainRequest(
              `${harness.mock.url}${CONTROL_PREFIX}${path}${method === 'GET' && input.query ? `?${input.query}` : ''}`,
              { method, headers, body: changes ? input.body : undefined },
            );
            const problem = controlAnswerProblem(answer.status, answer.text);
            if (problem) throw new Error(problem);
            if (!changes) return;
            const after = await controlStateOf(harness);
            if (answer.status === 200) {
              known = after;
              return;
            }
            if (after !== known)
              throw new Error(`a refused control request changed the state: ${known} -> ${after}`);
          }),
          { numRuns: RUNS_PER_ENDPOINT },
        );
        expect(runs).toBeGreaterThanOrEqual(RUNS_PER_ENDPOINT);
      });
    });
  }
});
