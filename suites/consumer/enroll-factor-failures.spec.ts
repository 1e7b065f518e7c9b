import { MatchersV3 } from '@pact-foundation/pact';
import type { ApiResult } from '../../src/client';
import { ERROR_CATALOG, type ErrorScenario } from '../../src/contract';
import { EXAMPLE } from '../../src/pact/examples';
import { INTERACTIONS } from '../../src/pact/interactions';
import { errorBody, fromState } from '../../src/pact/matchers';
import { PROVIDER_STATES } from '../../src/pact/states';
import { enrollFactorInteraction } from './enroll-factor-interaction';
import { expect, test } from './fixtures';

const pendingToken = () => fromState('enrollmentToken', EXAMPLE.enrollmentToken);

/** What the enrolling app relies on in a failure: it is one, of the catalog's class, with its apiCode. */
function expectFailure(result: ApiResult<'enrollFactor'>, scenario: ErrorScenario) {
  const entry = ERROR_CATALOG[scenario];
  expect(result.ok, `${scenario} must be answered with a failure envelope`).toBe(false);
  if (result.ok) return;
  expect(result.httpStatus).toBe(entry.httpStatus);
  expect(result.error.statusCode).toBe(entry.statusCode);
  expect(result.error.apiCode).toBe('apiCode' in entry ? entry.apiCode : undefined);
}

test(INTERACTIONS.expiredToken, async ({ pact, clientFor }) => {
  await enrollFactorInteraction(pact, {
    description: INTERACTIONS.expiredToken,
    state: PROVIDER_STATES.expiredEnrollment,
    factorType: 'SMS',
    requestBody: {
      factorType: 'SMS',
      enrollmentToken: pendingToken(),
      enrollmentData: { passCode: fromState('passCode', EXAMPLE.passCode) },
    },
    responseBody: errorBody('enrollmentTokenExpired'),
  }).executeTest(async (server) => {
    const result = await clientFor(server.url).attempt('enrollFactor', {
      factorType: 'SMS',
      enrollmentToken: EXAMPLE.enrollmentToken,
      enrollmentData: { passCode: EXAMPLE.passCode },
    });
    expectFailure(result, 'enrollmentTokenExpired');
  });
});

test(INTERACTIONS.unknownToken, async ({ pact, clientFor }) => {
  await enrollFactorInteraction(pact, {
    description: INTERACTIONS.unknownToken,
    state: PROVIDER_STATES.canEnroll,
    factorType: 'SMS',
    requestBody: {
      factorType: 'SMS',
      enrollmentToken: EXAMPLE.unknownEnrollmentToken,
      enrollmentData: { passCode: MatchersV3.string(EXAMPLE.passCode) },
    },
    responseBody: errorBody('enrollmentTokenInvalid'),
  }).executeTest(async (server) => {
    const result = await clientFor(server.url).attempt('enrollFactor', {
      factorType: 'SMS',
      enrollmentToken: EXAMPLE.unknownEnrollmentToken,
      enrollmentData: { passCode: EXAMPLE.passCode },
    });
    expectFailure(result, 'enrollmentTokenInvalid');
  });
});

for (const [factorType, description, scenario] of [
  ['SMS', INTERACTIONS.wrongSmsPassCode, 'wrongPassCode'],
  ['EMAIL', INTERACTIONS.wrongEmailPassCode, 'wrongPassCode'],
  ['OTP', INTERACTIONS.wrongTotp, 'wrongTotp'],
] as const) {
  test(description, async ({ pact, clientFor }) => {
    await enrollFactorInteraction(pact, {
      description,
      state: PROVIDER_STATES.pendingEnrollment,
      factorType,
      requestBody: {
        factorType,
        enrollmentToken: pendingToken(),
        enrollmentData: { passCode: fromState('wrongPassCode', EXAMPLE.wrongPassCode) },
      },
      responseBody: errorBody(scenario),
    }).executeTest(async (server) => {
      const result = await clientFor(server.url).attempt('enrollFactor', {
        factorType,
        enrollmentToken: EXAMPLE.enrollmentToken,
        enrollmentData: { passCode: EXAMPLE.wrongPassCode },
      });
      expectFailure(result, scenario);
    });
  });
}

test(INTERACTIONS.faceWithoutPhoto, async ({ pact, clientFor }) => {
  await enrollFactorInteraction(pact, {
    description: INTERACTIONS.faceWithoutPhoto,
    state: PROVIDER_STATES.pendingEnrollment,
    factorType: 'FACE',
    requestBody: { factorType: 'FACE', enrollmentToken: pendingToken(), enrollmentData: {} },
    responseBody: errorBody('facePhotoMissing'),
  }).executeTest(async (server) => {
    const result = await clientFor(server.url).attempt('enrollFactor', {
      factorType: 'FACE',
      enrollmentToken: EXAMPLE.enrollmentToken,
      enrollmentData: {},
    });
    expectFailure(result, 'facePhotoMissing');
  });
});

test(INTERACTIONS.noAccessToken, async ({ pact, clientFor }) => {
  await enrollFactorInteraction(pact, {
    description: INTERACTIONS.noAccessToken,
    state: PROVIDER_STATES.pendingEnrollment,
    factorType: 'SMS',
    authenticated: false,
    requestBody: {
      factorType: 'SMS',
      enrollmentToken: pendingToken(),
      enrollmentData: { passCode: fromState('passCode', EXAMPLE.passCode) },
    },
    responseBody: errorBody('notLoggedIn'),
  }).executeTest(async (server) => {
    const result = await clientFor(server.url)
      .with({ accessToken: undefined })
      .attempt('enrollFactor', {
        factorType: 'SMS',
        enrollmentToken: EXAMPLE.enrollmentToken,
        enrollmentData: { passCode: EXAMPLE.passCode },
      });
    expectFailure(result, 'notLoggedIn');
  });
});

test(INTERACTIONS.unknownFactorType, async ({ pact, clientFor }) => {
  await enrollFactorInteraction(pact, {
    description: INTERACTIONS.unknownFactorType,
    state: PROVIDER_STATES.pendingEnrollment,
    factorType: 'SMS',
    requestBody: {
      factorType: EXAMPLE.unknownFactorType,
      enrollmentToken: pendingToken(),
      enrollmentData: { passCode: fromState('passCode', EXAMPLE.passCode) },
    },
    responseBody: errorBody('unknownFactorType'),
  }).executeTest(async (server) => {
    const result = await clientFor(server.url).raw('enrollFactor', {
      body: {
        factorType: EXAMPLE.unknownFactorType,
        enrollmentToken: EXAMPLE.enrollmentToken,
        enrollmentData: { passCode: EXAMPLE.passCode },
      },
    });
    expectFailure(result, 'unknownFactorType');
  });
});

test(INTERACTIONS.missingEnrollmentData, async ({ pact, clientFor }) => {
  await enrollFactorInteraction(pact, {
    description: INTERACTIONS.missingEnrollmentData,
    state: PROVIDER_STATES.pendingEnrollment,
    factorType: 'OTP',
    requestBody: { factorType: 'OTP', enrollmentToken: pendingToken() },
    responseBody: errorBody('missingField'),
  }).executeTest(async (server) => {
    const result = await clientFor(server.url).raw('enrollFactor', {
      body: { factorType: 'OTP', enrollmentToken: EXAMPLE.enrollmentToken },
    });
    expectFailure(result, 'missingField');
  });
});
