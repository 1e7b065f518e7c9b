import { OPERATIONS, RECOVERY_CODE_PATTERN } from '../../src/contract';
import { EXAMPLE } from '../../src/pact/examples';
import { INTERACTIONS } from '../../src/pact/interactions';
import { fromState, opaqueToken, otpDataMatcher, requestHeaders, successBody } from '../../src/pact/matchers';
import { thenRecorded } from '../../src/pact/mock-server';
import { PROVIDER_STATES } from '../../src/pact/provider-states';
import { expect, test } from './fixtures';

const { method, path } = OPERATIONS.sendEnrollFactorRequest;

// The official OpenAPI requires `profile` on every request, so OTP and FACE send an empty one although
// the mock (and Guard iOS's server) take a request without it.

test(INTERACTIONS.sendOtp, async ({ pact, clientFor }) => {
  await pact
    .addInteraction()
    .given(PROVIDER_STATES.canEnroll, { factorType: 'OTP' })
    .uponReceiving(INTERACTIONS.sendOtp)
    .withRequest(method, path, (request) =>
      request.headers(requestHeaders()).jsonBody({ factorType: 'OTP', profile: {} }),
    )
    .willRespondWith(200, (response) =>
      response.jsonBody(
        successBody('sendEnrollFactorRequest', { enrollmentToken: opaqueToken(), otpData: otpDataMatcher() }),
      ),
    )
    .executeTest(
      thenRecorded(async (server) => {
        const data = await clientFor(server.url).sendEnrollFactorRequest({ factorType: 'OTP', profile: {} });
        expect(data.enrollmentToken).toBe(EXAMPLE.enrollmentToken);
        expect(data.otpData?.qrCodeUri).toMatch(/^otpauth:\/\/totp\//);
        expect(data.otpData?.recoveryCode).toMatch(RECOVERY_CODE_PATTERN);
      }),
    );
});

test(INTERACTIONS.sendSms, async ({ pact, clientFor }) => {
  await pact
    .addInteraction()
    .given(PROVIDER_STATES.canEnroll, { factorType: 'SMS' })
    .uponReceiving(INTERACTIONS.sendSms)
    .withRequest(method, path, (request) =>
      request.headers(requestHeaders()).jsonBody({
        factorType: 'SMS',
        profile: { phoneNumber: fromState('phoneNumber', EXAMPLE.phoneNumber) },
      }),
    )
    .willRespondWith(200, (response) =>
      response.jsonBody(successBody('sendEnrollFactorRequest', { enrollmentToken: opaqueToken() })),
    )
    .executeTest(
      thenRecorded(async (server) => {
        const data = await clientFor(server.url).sendEnrollFactorRequest({
          factorType: 'SMS',
          profile: { phoneNumber: EXAMPLE.phoneNumber },
        });
        expect(data.enrollmentToken).toBe(EXAMPLE.enrollmentToken);
        expect(data.otpData).toBeUndefined();
      }),
    );
});

test(INTERACTIONS.sendEmail, async ({ pact, clientFor }) => {
  await pact
    .addInteraction()
    .given(PROVIDER_STATES.canEnroll, { factorType: 'EMAIL' })
    .uponReceiving(INTERACTIONS.sendEmail)
    .withRequest(method, path, (request) =>
      request.headers(requestHeaders()).jsonBody({
        factorType: 'EMAIL',
        profile: { email: fromState('email', EXAMPLE.email) },
      }),
    )
    .willRespondWith(200, (response) =>
      response.jsonBody(successBody('sendEnrollFactorRequest', { enrollmentToken: opaqueToken() })),
    )
    .executeTest(
      thenRecorded(async (server) => {
        const data = await clientFor(server.url).sendEnrollFactorRequest({
          factorType: 'EMAIL',
          profile: { email: EXAMPLE.email },
        });
        expect(data.enrollmentToken).toBe(EXAMPLE.enrollmentToken);
      }),
    );
});

test(INTERACTIONS.sendFace, async ({ pact, clientFor }) => {
  await pact
    .addInteraction()
    .given(PROVIDER_STATES.canEnroll, { factorType: 'FACE' })
    .uponReceiving(INTERACTIONS.sendFace)
    .withRequest(method, path, (request) =>
      request.headers(requestHeaders()).jsonBody({ factorType: 'FACE', profile: {} }),
    )
    .willRespondWith(200, (response) =>
      response.jsonBody(successBody('sendEnrollFactorRequest', { enrollmentToken: opaqueToken() })),
    )
    .executeTest(
      thenRecorded(async (server) => {
        const data = await clientFor(server.url).sendEnrollFactorRequest({ factorType: 'FACE', profile: {} });
        expect(data.enrollmentToken).toBe(EXAMPLE.enrollmentToken);
      }),
    );
});
