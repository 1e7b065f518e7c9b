import { expect, test } from '@playwright/test';
import { BEHAVIOUR_DECISIONS, type CatalogEntry, ERROR_CATALOG, ERROR_SCENARIOS } from '../../src/contract';

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
      'resendTooSoon',
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
