import fc from 'fast-check';
import {
  ERROR_CATALOG,
  ErrorEnvelopeSchema,
  OPERATION_NAMES,
  OPERATIONS,
  type OperationName,
} from '../../src/contract';
import { enroll, expect, operationUrl, rawRequest, test, withMock } from './fixtures';

const RUNS_PER_ENDPOINT = 1_000;

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

/** Bodies shaped like the real DTOs, with any field missing or of any type. */
const shapedBody = fc.record(
  {
    factorType: fc.oneof(fc.constantFrom('OTP', 'SMS', 'EMAIL', 'FACE', 'sms', '', 'WEBAUTHN'), anyValue),
    profile: fc.oneof(
      anyValue,
      fc.record({ phoneNumber: anyValue, email: anyValue, phoneCountryCode: anyValue }, { requiredKeys: [] }),
    ),
    enrollmentToken: fc.oneof(anyValue, fc.base64String({ minLength: 172, maxLength: 172 })),
    enrollmentData: fc.oneof(
      anyValue,
      fc.record({ passCode: anyValue, photo: anyValue, isExternalPhoto: anyValue }, { requiredKeys: [] }),
    ),
    factorId: anyValue,
    totp: anyValue,
    __proto__: anyValue,
  },
  { requiredKeys: [] },
);

const bodyText = fc.oneof(
  shapedBody.map((body) => JSON.stringify(body)),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  shapedBody.map((body) => JSON.stringify(body).slice(0, -1)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  shapedBody.map((body) => JSON.stringify({ ...body, factorId: 'x'.repeat(20_000) })),
  fc.constantFrom('', ' ', 'null', '[]', '"x"', '{', '{"factorType":"OTP",}', '\u0000', '{"a":1}{"b":2}'),
);

const queryText = fc.oneof(
  fc.string({ maxLength: 200 }).map((value) => `factorId=${encodeURIComponent(value)}`),
  fc
    .string({ unit: 'grapheme-ascii', maxLength: 80 })
    .map((value) => `factorId=${value.replaceAll('#', '')}`),
  fc
    .array(fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 })), { maxLength: 4 })
    .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')),
  fc.constantFrom(
    '',
    'factorId=',
    'factorId',
    'factorId=a&factorId=b',
    'factorId=%',
    'factorId=%E0%A4%A',
    '&&&',
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

/**
 * What is wrong with an answer, if anything: a 5xx, a body that is not JSON, a success that breaks the
 * operation's schema, or a failure that is not a catalog answer. A plain function, not expect(): a
 * thousand cases would otherwise each record several steps in the report.
 */
function catalogEnvelopeProblem(operation: OperationName, status: number, text: string): string | undefined {
  if (status >= 500) return `HTTP ${status}: ${text}`;
  let body: { statusCode?: unknown; message?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `not JSON: ${text}`;
  }
  if (body.statusCode === 200) {
    return OPERATIONS[operation].response.safeParse(body).success ? undefined : `invalid success: ${text}`;
  }
  if (!ErrorEnvelopeSchema.safeParse(body).success) return `not an error envelope: ${text}`;
  const entry = Object.values(ERROR_CATALOG).find(
    (e) => e.statusCode === body.statusCode && e.message === body.message,
  );
  if (!entry) return `not a catalog answer: ${text}`;
  return status === entry.httpStatus
    ? undefined
    : `HTTP ${status}, the catalog says ${entry.httpStatus}: ${text}`;
}

test.describe('random malformed requests never break the mock', () => {
  for (const operation of OPERATION_NAMES) {
    const { method } = OPERATIONS[operation];
    test(`${RUNS_PER_ENDPOINT} random malformed requests to ${method} ${OPERATIONS[operation].path} all get catalog envelopes`, async () => {
      test.setTimeout(120_000);
      await withMock({ rateLimitPerSecond: 0 }, async (harness) => {
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
        const request = fc.record({
          wrongMethod: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
          authorization,
          appId: fc.constantFrom(user.appId, undefined, 'unknown-app', ''),
          contentType,
          body: bodyText,
          query: queryText,
        });
        let runs = 0;
        await fc.assert(
          fc.asyncProperty(request, async (input) => {
            runs++;
            const headers: Record<string, string> = {};
            if (input.authorization !== undefined) headers.authorization = input.authorization;
            if (input.appId !== undefined) headers['x-authing-app-id'] = input.appId;
            const sendsBody = method === 'POST' && !input.wrongMethod;
            if (sendsBody && input.contentType) headers['content-type'] = input.contentType;
            const actualMethod = input.wrongMethod ? (method === 'POST' ? 'GET' : 'POST') : method;
            const answer = await rawRequest(
              operationUrl(harness.mock, operation, method === 'GET' ? input.query : ''),
              {
                method: actualMethod,
                headers,
                body: sendsBody ? input.body : undefined,
              },
            );
            const problem = catalogEnvelopeProblem(operation, answer.status, answer.text);
            if (problem) throw new Error(problem);
          }),
          { numRuns: RUNS_PER_ENDPOINT },
        );
        expect(runs).toBeGreaterThanOrEqual(RUNS_PER_ENDPOINT);
      });
    });
  }
});
