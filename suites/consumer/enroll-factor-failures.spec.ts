import { MatchersV3 } from '@pact-foundation/pact';
import type { ApiResult, EnrollFactorClient } from '../../src/client';
import type { FactorType } from '../../src/contract';
import { relianceAnnotations } from '../../src/pact/assumed-fields';
import { EXAMPLE } from '../../src/pact/examples';
import { FAILURE_SCENARIOS, type FailureInteractionKey, INTERACTIONS } from '../../src/pact/interactions';
import { errorBody, fromState } from '../../src/pact/matchers';
import { thenRecorded } from '../../src/pact/mock-server';
import { PROVIDER_STATES, type ProviderStateName } from '../../src/pact/provider-states';
import { enrollFactorInteraction } from './enroll-factor-interaction';
import { expectAppSeesFailure, test } from './fixtures';

/** One failure of enroll-factor the enrolling app must tell apart. */
interface FailureInteraction {
  /** The interaction: its description and its catalog scenario follow from it. */
  readonly key: FailureInteractionKey;
  readonly state: ProviderStateName;
  readonly factorType: FactorType;
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
  ['SMS', 'wrongSmsPassCode'],
  ['EMAIL', 'wrongEmailPassCode'],
  ['OTP', 'wrongTotp'],
] as const;

const FAILURES: readonly FailureInteraction[] = [
  {
    key: 'expiredToken',
    state: PROVIDER_STATES.expiredEnrollment,
    factorType: 'SMS',
    requestBody: {
      factorType: 'SMS',
      enrollmentToken: pendingToken(),
      enrollmentData: { passCode: deliveredCode() },
    },
    send: (client) => client.attempt('enrollFactor', withCode('SMS', EXAMPLE.passCode)),
  },
  {
    key: 'unknownToken',
    state: PROVIDER_STATES.canEnroll,
    factorType: 'SMS',
    requestBody: {
      ...withCode('SMS', EXAMPLE.passCode, EXAMPLE.unknownEnrollmentToken),
      enrollmentData: { passCode: MatchersV3.string(EXAMPLE.passCode) },
    },
    send: (client) =>
      client.attempt('enrollFactor', withCode('SMS', EXAMPLE.passCode, EXAMPLE.unknownEnrollmentToken)),
  },
  ...WRONG_CODES.map(
    ([factorType, key]): FailureInteraction => ({
      key,
      state: PROVIDER_STATES.pendingEnrollment,
      factorType,
      requestBody: {
        factorType,
        enrollmentToken: pendingToken(),
        enrollmentData: { passCode: fromState('wrongPassCode', EXAMPLE.wrongPassCode) },
      },
      send: (client) => client.attempt('enrollFactor', withCode(factorType, EXAMPLE.wrongPassCode)),
    }),
  ),
  {
    key: 'faceWithoutPhoto',
    state: PROVIDER_STATES.pendingEnrollment,
    factorType: 'FACE',
    requestBody: { factorType: 'FACE', enrollmentToken: pendingToken(), enrollmentData: {} },
    send: (client) =>
      client.attempt('enrollFactor', {
        factorType: 'FACE',
        enrollmentToken: EXAMPLE.enrollmentToken,
        enrollmentData: {},
      }),
  },
  {
    key: 'noAccessToken',
    state: PROVIDER_STATES.pendingEnrollment,
    factorType: 'SMS',
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
    key: 'unknownFactorType',
    state: PROVIDER_STATES.pendingEnrollment,
    factorType: 'SMS',
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
    key: 'missingEnrollmentData',
    state: PROVIDER_STATES.pendingEnrollment,
    factorType: 'OTP',
    requestBody: { factorType: 'OTP', enrollmentToken: pendingToken() },
    send: (client) =>
      client.raw('enrollFactor', { body: { factorType: 'OTP', enrollmentToken: EXAMPLE.enrollmentToken } }),
  },
];

for (const failure of FAILURES) {
  const description = INTERACTIONS[failure.key];
  test(description, { annotation: relianceAnnotations(description) }, async ({ pact, clientFor }) => {
    await enrollFactorInteraction(pact, {
      description,
      state: failure.state,
      factorType: failure.factorType,
      authenticated: failure.authenticated,
      requestBody: failure.requestBody,
      responseBody: errorBody(FAILURE_SCENARIOS[failure.key]),
    }).executeTest(
      thenRecorded(async (server) => {
        expectAppSeesFailure(await failure.send(clientFor(server.url)), FAILURE_SCENARIOS[failure.key]);
      }),
    );
  });
}
