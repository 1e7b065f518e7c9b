import { expect, test } from '@playwright/test';
import {
  BEHAVIOUR_DECISIONS,
  type CatalogEntry,
  documentedFields,
  ERROR_CATALOG,
  ERROR_SCENARIOS,
  RESEND_TOO_SOON,
} from '../../src/contract';

const entries = Object.entries(ERROR_CATALOG) as Array<[string, CatalogEntry]>;

test('the catalog covers every failure scenario the harness asserts', () => {
  expect(ERROR_SCENARIOS).toEqual(
    expect.arrayContaining([
      'notLoggedIn',
      'malformedJson',
      'missingField',
      'unknownFactorType',
      'wrongType',
      'enrollmentTokenExpired',
      'enrollmentTokenInvalid',
      'enrollmentTokenUsed',
      'enrollmentTokenMismatch',
      'wrongPassCode',
      'wrongTotp',
      'missingTotp',
      'facePhotoMissing',
      'faceAlreadyBound',
      'factorAlreadyBound',
      'smsResendTooSoon',
      'emailResendTooSoon',
      'throttled',
      'unknownFactorId',
    ]),
  );
});

test('documented codes are the ones the API documentation lists', () => {
  expect(ERROR_CATALOG.wrongTotp.apiCode).toBe(6001);
  expect(ERROR_CATALOG.missingTotp.apiCode).toBe(6003);
  expect(ERROR_CATALOG.facePhotoMissing.apiCode).toBe(1700);
  expect(ERROR_CATALOG.faceAlreadyBound.apiCode).toBe(1706);
  expect(ERROR_CATALOG.throttled).toMatchObject({ httpStatus: 429, statusCode: 429 });
});

test('answers corrected from public evidence cite that evidence and stay assumed', () => {
  const corrected = [
    ['smsResendTooSoon', { statusCode: 400, apiCode: 4004 }, /om-webserver.*4004/],
    ['emailResendTooSoon', { statusCode: 400, apiCode: 2080 }, /om-webserver.*2080.*Guard iOS/],
    ['factorAlreadyBound', { statusCode: 422 }, /authing-csharp-sdk.*422/],
    ['appNotFound', { apiCode: 2011 }, /statusCode":499/],
    ['wrongPassCode', { apiCode: 2001 }, /om-webserver.*2001/],
    ['notLoggedIn', { apiCode: 2020 }, /om-webserver.*2020/],
  ] as const;
  for (const [scenario, answer, evidence] of corrected) {
    const entry: CatalogEntry = ERROR_CATALOG[scenario];
    expect(entry, scenario).toMatchObject({ ...answer, source: 'assumed' });
    expect(entry.reference, scenario).toMatch(evidence);
  }
});

test('the resend limit is answered per channel', () => {
  expect(ERROR_CATALOG[RESEND_TOO_SOON.SMS].apiCode).not.toBe(ERROR_CATALOG[RESEND_TOO_SOON.EMAIL].apiCode);
});

test('HTTP 200 counts as documented wherever the general rule of the documentation covers an answer', () => {
  expect(documentedFields(ERROR_CATALOG.wrongPassCode)).toEqual(['httpStatus']);
  expect(documentedFields(ERROR_CATALOG.wrongTotp)).toEqual(['httpStatus', 'apiCode']);
  expect(documentedFields(ERROR_CATALOG.routeNotFound)).toEqual([]);
  expect(documentedFields(ERROR_CATALOG.throttled)).toEqual(['httpStatus', 'statusCode']);
});

for (const [scenario, entry] of entries) {
  test(`${scenario} is a failure with a reference and an honest source`, () => {
    expect(entry.statusCode).not.toBe(200);
    expect(entry.message.length).toBeGreaterThan(0);
    expect(entry.reference.length).toBeGreaterThan(10);
    if (entry.source === 'assumed') expect(entry.documented).toEqual([]);
    else expect(entry.documented.length).toBeGreaterThan(0);
    for (const field of entry.documented) expect(entry[field]).toBeDefined();
    if (scenario !== 'throttled' && scenario !== 'routeNotFound') expect(entry.httpStatus).toBe(200);
  });
}

test('every behaviour decision says where it comes from', () => {
  for (const decision of Object.values(BEHAVIOUR_DECISIONS)) {
    expect(['documented', 'assumed']).toContain(decision.source);
    expect(decision.reference.length).toBeGreaterThan(10);
  }
});
