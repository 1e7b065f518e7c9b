import fc from 'fast-check';
import { aFactor, scenario, test } from '../../fixtures';
import { fetchTransport, type RawInput } from '../../src/client';
import {
  byProof,
  FACTOR_TRAITS,
  FACTOR_TYPES,
  type FactorType,
  FIELD_LIMITS,
  type LimitedField,
  provenByCode,
  unhandled,
} from '../../src/contract';

const WRONG_TYPES = ['http-500-on-wrong-types'] as const;
/** Generated requests per endpoint and factor type; FAKER_SEED also seeds fast-check. */
const GENERATED_RUNS = 60;

/** Stands for the real enrollment token in generated bodies, so a reported counterexample never shows it. */
const PENDING_TOKEN = '<the pending enrollment token>';
const withPendingToken = (raw: RawInput, token: string): RawInput => {
  const body = raw.body as { enrollmentToken?: unknown } | undefined;
  if (body?.enrollmentToken !== PENDING_TOKEN) return raw;
  return { ...raw, body: { ...body, enrollmentToken: token } };
};

/**
 * Playwright's request context re-encodes a JSON-typed body that does not parse as a JSON string, so bodies
 * that must arrive malformed go over fetch.
 */
const verbatimTransport = fetchTransport();

const credentialField = (factorType: FactorType) =>
  byProof(factorType, { 'delivered code': 'passCode', totp: 'passCode', photo: 'photo' } as const);

/** A profile missing the one field a type's code is delivered to, where the type has one, and that field. */
const withoutRecipient = (factorType: FactorType): [string, unknown][] => {
  const { recipient } = FACTOR_TRAITS[factorType];
  return recipient ? [[`profile.${recipient}`, { factorType, profile: {} }]] : [];
};

for (const factorType of FACTOR_TYPES) {
  test.describe(`${factorType} request bodies`, () => {
    // A generated FACE body can be a valid upload key: whatever gets bound must be cleaned up.
    test.use({ touches: [factorType] });

    test(
      `${aFactor(factorType)} enrollment is refused when a required field is missing`,
      scenario({ factorType, scenario: 'bodies', defects: ['status-code-as-string'] }),
      async ({ client, enrollment, testData, expectFailure }) => {
        const profile = testData.profileFor(factorType);
        // Each body leaves out one field, which the answer names.
        const sends: [string, unknown][] = [['factorType', { profile }], ...withoutRecipient(factorType)];
        for (const [field, body] of sends) {
          await test.step(`send-enroll-factor-request without ${field} is refused, naming it`, async () => {
            await expectFailure(await client.raw('sendEnrollFactorRequest', { body }), 'missingField', {
              detail: field,
            });
          });
        }
        const pending = await enrollment.start(factorType, { profile });
        const enrollmentData = await enrollment.enrollmentData(pending);
        const complete = { factorType, enrollmentToken: pending.enrollmentToken, enrollmentData };
        for (const field of ['factorType', 'enrollmentToken', 'enrollmentData'] as const) {
          await test.step(`enroll-factor without ${field} is refused, naming it`, async () => {
            const { [field]: _omitted, ...body } = complete;
            await expectFailure(await client.raw('enrollFactor', { body }), 'missingField', {
              detail: field,
            });
          });
        }
      },
    );

    test(
      `${aFactor(factorType)} enrollment is refused when factorType is not one of the four`,
      scenario({ factorType, scenario: 'bodies', defects: ['status-code-as-string'] }),
      async ({ client, testData, expectFailure }) => {
        const profile = testData.profileFor(factorType);
        for (const unknown of [factorType.toLowerCase(), `${factorType} `, 'PUSH']) {
          await test.step(`factorType "${unknown}" is refused`, async () => {
            const result = await client.raw('sendEnrollFactorRequest', {
              body: { factorType: unknown, profile },
            });
            await expectFailure(result, 'unknownFactorType');
          });
        }
      },
    );

    test(
      `${aFactor(factorType)} enrollment is refused when fields have the wrong type`,
      scenario({ factorType, scenario: 'bodies', defects: [...WRONG_TYPES] }),
      async ({ client, enrollment, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        const enrollmentData = await enrollment.enrollmentData(pending);
        const token = pending.enrollmentToken;
        const variants: [string, 'sendEnrollFactorRequest' | 'enrollFactor', unknown][] = [
          ['profile as a string', 'sendEnrollFactorRequest', { factorType, profile: 'profile' }],
          ['profile as an array', 'sendEnrollFactorRequest', { factorType, profile: [] }],
          ['a JSON array as the body', 'sendEnrollFactorRequest', [{ factorType }]],
          [
            'enrollmentToken as a number',
            'enrollFactor',
            { factorType, enrollmentToken: 12345, enrollmentData },
          ],
          [
            'enrollmentData as a string',
            'enrollFactor',
            { factorType, enrollmentToken: token, enrollmentData: 'data' },
          ],
          [
            `${credentialField(factorType)} as a number`,
            'enrollFactor',
            { factorType, enrollmentToken: token, enrollmentData: { [credentialField(factorType)]: 123456 } },
          ],
        ];
        for (const [name, operation, body] of variants) {
          await test.step(`${name} is refused`, async () => {
            await expectFailure(await client.raw(operation, { body }), 'wrongType');
          });
        }
      },
    );

    test(
      `${aFactor(factorType)} enrollment with a value longer than the API accepts gets a clear error, not a crash`,
      scenario({ factorType, scenario: 'bodies', defects: ['http-500-on-long-fields'] }),
      async ({ client, enrollment, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        const enrollmentData = await enrollment.enrollmentData(pending);
        const overLimit = (field: LimitedField) => '1'.repeat(FIELD_LIMITS[field] + 1);
        const longCredential = provenByCode(factorType)
          ? { passCode: overLimit('passCode') }
          : { photo: `https://photos.example.com/${overLimit('photo')}`, isExternalPhoto: true };
        const variants: [string, 'sendEnrollFactorRequest' | 'enrollFactor', unknown][] = [
          [
            'an enrollment token',
            'enrollFactor',
            { factorType, enrollmentToken: overLimit('enrollmentToken'), enrollmentData },
          ],
          [
            `a ${credentialField(factorType)}`,
            'enrollFactor',
            { factorType, enrollmentToken: pending.enrollmentToken, enrollmentData: longCredential },
          ],
        ];
        const { recipient } = FACTOR_TRAITS[factorType];
        switch (recipient) {
          case 'phoneNumber':
            variants.push([
              'a phone number',
              'sendEnrollFactorRequest',
              { factorType, profile: { phoneNumber: overLimit('phoneNumber'), phoneCountryCode: '+86' } },
            ]);
            break;
          case 'email': {
            const email = `${'a'.repeat(FIELD_LIMITS.email)}@example.com`;
            variants.push(['an email', 'sendEnrollFactorRequest', { factorType, profile: { email } }]);
            break;
          }
          case undefined:
            break;
          default:
            unhandled(recipient);
        }
        for (const [name, operation, body] of variants) {
          await test.step(`${name} over its limit is refused`, async () => {
            await expectFailure(await client.raw(operation, { body }), 'fieldTooLong');
          });
        }
      },
    );

    test(
      `${aFactor(factorType)} enrollment request that is not JSON gets a clear error, not a crash`,
      scenario({ factorType, scenario: 'bodies', defects: ['http-500-on-malformed-json'] }),
      async ({ client, expectFailure }) => {
        for (const rawBody of [`{"factorType":"${factorType}",`, `factorType=${factorType}`, '{']) {
          await test.step(`${JSON.stringify(rawBody)} is refused as malformed JSON`, async () => {
            const verbatim = client.with({ transport: verbatimTransport });
            await expectFailure(await verbatim.raw('sendEnrollFactorRequest', { rawBody }), 'malformedJson');
          });
        }
      },
    );

    test(
      `generated bad ${factorType} bodies never get a 5xx and always a valid envelope`,
      scenario({
        factorType,
        scenario: 'bodies',
        defects: ['http-500-on-malformed-json', 'http-500-on-wrong-types', 'status-code-as-string'],
      }),
      async ({ client, enrollment }, testInfo) => {
        const pending = await enrollment.start(factorType);
        // Hundreds of exchanges would bury the report; the property reports the failing one itself.
        const quiet = client.with({ onExchange: undefined });
        const quietVerbatim = quiet.with({ transport: verbatimTransport });
        const anything = fc.jsonValue({ maxDepth: 2 });
        const fields = <T extends Record<string, fc.Arbitrary<unknown>>>(record: T) =>
          fc.record(record, { requiredKeys: [] });
        const sendBody = fields({
          factorType: fc.oneof(fc.constant(factorType), anything),
          profile: fc.oneof(
            anything,
            fields({ phoneNumber: anything, email: anything, phoneCountryCode: anything }),
          ),
        });
        const enrollBody = fields({
          factorType: fc.oneof(fc.constant(factorType), anything),
          enrollmentToken: fc.oneof(fc.constant(PENDING_TOKEN), fc.string(), anything),
          enrollmentData: fc.oneof(
            anything,
            fields({ passCode: anything, photo: anything, isExternalPhoto: anything }),
          ),
        });
        const input = (body: fc.Arbitrary<unknown>): fc.Arbitrary<RawInput> =>
          fc.oneof(
            body.map((value) => ({ body: value })),
            anything.map((value) => ({ body: value })),
            fc.string({ unit: 'binary' }).map((rawBody) => ({ rawBody })),
          );
        const statusCodes = new Map<number, number>();
        for (const [operation, body] of [
          ['sendEnrollFactorRequest', sendBody],
          ['enrollFactor', enrollBody],
        ] as const) {
          await test.step(`${GENERATED_RUNS} generated ${operation} requests`, async () => {
            await fc.assert(
              fc.asyncProperty(input(body), async (raw) => {
                const sender = raw.rawBody === undefined ? quiet : quietVerbatim;
                const result = await sender.raw(operation, withPendingToken(raw, pending.enrollmentToken));
                // A plain check: hundreds of expect() steps would each capture a stack for the report.
                if (result.httpStatus >= 500) throw new Error(`HTTP ${result.httpStatus}, expected < 500`);
                statusCodes.set(
                  result.envelope.statusCode,
                  (statusCodes.get(result.envelope.statusCode) ?? 0) + 1,
                );
              }),
              { numRuns: GENERATED_RUNS, seed: Number(process.env.FAKER_SEED ?? 0) },
            );
          });
        }
        await testInfo.attach('statusCodes of the generated requests', {
          body: JSON.stringify(Object.fromEntries(statusCodes), null, 2),
          contentType: 'application/json',
        });
      },
    );
  });
}
