import { MatchersV3 } from '@pact-foundation/pact';
import type { ApiResult, EnrollFactorClient } from '../../src/client';
import { ERROR_CATALOG, type ErrorScenario, type FactorType } from '../../src/contract';
import { EXAMPLE } from '../../src/pact/examples';
import { INTERACTIONS, type InteractionDescription } from '../../src/pact/interactions';
import { errorBody, fromState } from '../../src/pact/matchers';
import { PROVIDER_STATES, type ProviderStateName } from '../../src/pact/provider-states';
import { enrollFactorInteraction } from './enroll-factor-interaction';
import { expect, test } from './fixtures';

/** One failure of enroll-factor the enrolling app must tell apart. */
interface FailureInteraction {
  readonly description: InteractionDescription;
  readonly state: ProviderStateName;
  readonly factorType: FactorType;
  readonly scenario: ErrorScenario;
  /** The request as the pact records it: matchers, values the provider state supplies. */
  readonly requestBody: unknown;
  /** The same request as the app sends it through its client. */
  readonly send: (client: EnrollFactorClient) => Promise<ApiResult<'enrollFactor'>>;
  readonly authenticated?: boolean;
}

const pendingToken = () => fromState('enrollmentToken', EXAMPLE.enrollmentToken);
const deliveredCode = () => fromState('passCode', EXAMPLE.passCode);
const withCode = (
  factorType: FactorType,
  passCode: string,
  enrollmentToken: string = EXAMPLE.enrollmentToken,
) => ({
  factorType,
  enrollmentToken,
  enrollmentData: { passCode },
});

const WRONG_CODES = [
  ['SMS', INTERACTIONS.wrongSmsPassCode, 'wrongPassCode'],
  ['EMAIL', INTERACTIONS.wrongEmailPassCode, 'wrongPassCode'],
  ['OTP', INTERACTIONS.wrongTotp, 'wrongTotp'],
] as const;

const FAILURES: readonly FailureInteraction[] = [
  {
    description: INTERACTIONS.expiredToken,
    state: PROVIDER_STATES.expiredEnrollment,
    factorType: 'SMS',
    scenario: 'enrollmentTokenExpired',
    requestBody: {
      factorType: 'SMS',
      enrollmentToken: pendingToken(),
      enrollmentData: { passCode: deliveredCode() },
    },
    send: (client) => client.attempt('enrollFactor', withCode('SMS', EXAMPLE.passCode)),
  },
  {
    description: INTERACTIONS.unknownToken,
    state: PROVIDER_STATES.canEnroll,
    factorType: 'SMS',
    scenario: 'enrollmentTokenInvalid',
    requestBody: {
      ...withCode('SMS', EXAMPLE.passCode, EXAMPLE.unknownEnrollmentToken),
      enrollmentData: { passCode: MatchersV3.string(EXAMPLE.passCode) },
    },
    send: (client) =>
      client.attempt('enrollFactor', withCode('SMS', EXAMPLE.passCode, EXAMPLE.unknownEnrollmentToken)),
  },
  ...WRONG_CODES.map(
    ([factorType, description, scenario]): FailureInteraction => ({
      description,
      state: PROVIDER_STATES.pendingEnrollment,
      factorType,
      scenario,
      requestBody: {
        factorType,
        enrollmentToken: pendingToken(),
        enrollmentData: { passCode: fromState('wrongPassCode', EXAMPLE.wrongPassCode) },
      },
      send: (client) => client.attempt('enrollFactor', withCode(factorType, EXAMPLE.wrongPassCode)),
    }),
  ),
  {
    description: INTERACTIONS.faceWithoutPhoto,
    state: PROVIDER_STATES.pendingEnrollment,
    factorType: 'FACE',
    scenario: 'facePhotoMissing',
    requestBody: { factorType: 'FACE', enrollmentToken: pendingToken(), enrollmentData: {} },
    send: (client) =>
      client.attempt('enrollFactor', {
        factorType: 'FACE',
        enrollmentToken: EXAMPLE.enrollmentToken,
        enrollmentData: {},
      }),
  },
  {
    description: INTERACTIONS.noAccessToken,
    state: PROVIDER_STATES.pendingEnrollment,
    factorType: 'SMS',
    scenario: 'notLoggedIn',
    authenticated: false,
    requestBody: {
      factorType: 'SMS',
      enrollmentToken: pendingToken(),
      enrollmentData: { passCode: deliveredCode() },
    },
    send: (client) =>
      client.with({ accessToken: undefined }).attempt('enrollFactor', withCode('SMS', EXAMPLE.passCode)),
  },
  {
    description: INTERACTIONS.unknownFactorType,
    state: PROVIDER_STATES.pendingEnrollment,
    factorType: 'SMS',
    scenario: 'unknownFactorType',
    requestBody: {
      factorType: EXAMPLE.unknownFactorType,
      enrollmentToken: pendingToken(),
      enrollmentData: { passCode: deliveredCode() },
    },
    send: (client) =>
      client.raw('enrollFactor', {
        body: { ...withCode('SMS', EXAMPLE.passCode), factorType: EXAMPLE.unknownFactorType },
      }),
  },
  {
    description: INTERACTIONS.missingEnrollmentData,
    state: PROVIDER_STATES.pendingEnrollment,
    factorType: 'OTP',
    scenario: 'missingField',
    requestBody: { factorType: 'OTP', enrollmentToken: pendingToken() },
    send: (client) =>
      client.raw('enrollFactor', { body: { factorType: 'OTP', enrollmentToken: EXAMPLE.enrollmentToken } }),
  },
];

/** What the enrolling app relies on in a failure: it is one, of the catalog's class, with its apiCode. */
function expectAppSeesFailure(result: ApiResult<'enrollFactor'>, scenario: ErrorScenario) {
  const entry = ERROR_CATALOG[scenario];
  expect(result.ok, `${scenario} must be answered with a failure envelope`).toBe(false);
  if (result.ok) return;
  expect(result.httpStatus).toBe(entry.httpStatus);
  expect(result.error.statusCode).toBe(entry.statusCode);
  expect(result.error.apiCode).toBe('apiCode' in entry ? entry.apiCode : undefined);
}

for (const failure of FAILURES) {
  test(failure.description, async ({ pact, clientFor }) => {
    await enrollFactorInteraction(pact, {
      description: failure.description,
      state: failure.state,
      factorType: failure.factorType,
      authenticated: failure.authenticated,
      requestBody: failure.requestBody,
      responseBody: errorBody(failure.scenario),
    }).executeTest(async (server) => {
      expectAppSeesFailure(await failure.send(clientFor(server.url)), failure.scenario);
    });
  });
}
