import { expect, test } from '@playwright/test';
import { ERROR_CATALOG } from '../../src/contract';
import { EXAMPLE } from '../../src/pact/examples';
import {
  AUTHORIZATION_HEADER,
  errorBody,
  exampleOf,
  numberMatching,
  requestHeaders,
  successBody,
} from '../../src/pact/matchers';

test('a documented apiCode is pinned exactly while the assumed statusCode matches any 4xx', () => {
  const body = errorBody('wrongTotp');
  expect(body.apiCode).toBe(6001);
  expect(body.statusCode).toEqual({ 'pact:matcher:type': 'regex', regex: '^4\\d\\d$', value: 400 });
  expect(body.message).toMatchObject({ 'pact:matcher:type': 'type', value: ERROR_CATALOG.wrongTotp.message });
});

test('an assumed apiCode is not promised at all, so a provider answering another one still honours the pact', () => {
  expect(ERROR_CATALOG.enrollmentTokenExpired.apiCode).toBe(2300);
  expect(errorBody('enrollmentTokenExpired')).not.toHaveProperty('apiCode');
});

test('an entry without apiCode does not ask for one', () => {
  expect(errorBody('missingField')).not.toHaveProperty('apiCode');
});

test('an assumed statusCode the consumer relies on (401: log in again) is pinned, its assumed apiCode is not', () => {
  expect(errorBody('notLoggedIn', ['statusCode']).statusCode).toBe(401);
  expect(errorBody('notLoggedIn', ['statusCode'])).not.toHaveProperty('apiCode');
  expect(errorBody('notLoggedIn').statusCode, 'without the reliance, only its class').toMatchObject({
    'pact:matcher:type': 'regex',
  });
});

test('request headers follow each official way of calling', () => {
  expect(exampleOf(requestHeaders())).toEqual({
    'x-authing-app-id': EXAMPLE.appId,
    authorization: `Bearer ${EXAMPLE.accessToken}`,
  });
  expect(exampleOf(requestHeaders({ authScheme: 'bare', appIdHeader: 'x-genauth-app-id' }))).toEqual({
    'x-genauth-app-id': EXAMPLE.appId,
    authorization: EXAMPLE.accessToken,
  });
  expect(requestHeaders({ token: 'none' })).not.toHaveProperty('authorization');
  expect(exampleOf(requestHeaders({ token: 'id' }))).toMatchObject({
    authorization: `Bearer ${EXAMPLE.idToken}`,
  });
  expect(exampleOf(requestHeaders({ contentType: 'application/json; charset=utf-8' }))).toMatchObject({
    'Content-Type': 'application/json; charset=utf-8',
  });
  expect(`Bearer ${EXAMPLE.accessToken}`).not.toMatch(AUTHORIZATION_HEADER.bare);
});

test('the example a consumer receives is a plain envelope the contract accepts', () => {
  expect(exampleOf(errorBody('facePhotoMissing'))).toEqual({
    statusCode: 400,
    apiCode: 1700,
    message: ERROR_CATALOG.facePhotoMissing.message,
  });
});

test('a success body that contradicts the contract schema is refused when the pact is built', () => {
  expect(() => successBody('sendEnrollFactorRequest', { otpData: {} })).toThrow(
    /contradicts the contract schema/,
  );
  expect(() =>
    successBody('sendEnrollFactorRequest', { enrollmentToken: EXAMPLE.enrollmentToken }),
  ).not.toThrow();
});

test('a number matcher refuses an example its own pattern rejects', () => {
  expect(() => numberMatching(/^4\d\d$/, 200)).toThrow(/does not match/);
});
