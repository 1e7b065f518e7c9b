import { EXAMPLE } from '../../src/pact/examples';
import { INTERACTIONS } from '../../src/pact/interactions';
import { fromState, successBody } from '../../src/pact/matchers';
import { thenRecorded } from '../../src/pact/mock-server';
import { PROVIDER_STATES } from '../../src/pact/provider-states';
import { enrollFactorInteraction } from './enroll-factor-interaction';
import { expect, test } from './fixtures';

const pendingToken = () => fromState('enrollmentToken', EXAMPLE.enrollmentToken);
const deliveredCode = () => fromState('passCode', EXAMPLE.passCode);

for (const [factorType, description] of [
  ['OTP', INTERACTIONS.enrollOtp],
  ['SMS', INTERACTIONS.enrollSms],
  ['EMAIL', INTERACTIONS.enrollEmail],
] as const) {
  test(description, async ({ pact, clientFor }) => {
    await enrollFactorInteraction(pact, {
      description,
      state: PROVIDER_STATES.pendingEnrollment,
      factorType,
      requestBody: {
        factorType,
        enrollmentToken: pendingToken(),
        enrollmentData: { passCode: deliveredCode() },
      },
      responseBody: successBody('enrollFactor'),
    }).executeTest(
      thenRecorded(async (server) => {
        const result = await clientFor(server.url).attempt('enrollFactor', {
          factorType,
          enrollmentToken: EXAMPLE.enrollmentToken,
          enrollmentData: { passCode: EXAMPLE.passCode },
        });
        expect(result.ok).toBe(true);
      }),
    );
  });
}

test(INTERACTIONS.enrollFace, async ({ pact, clientFor }) => {
  await enrollFactorInteraction(pact, {
    description: INTERACTIONS.enrollFace,
    state: PROVIDER_STATES.pendingEnrollment,
    factorType: 'FACE',
    requestBody: {
      factorType: 'FACE',
      enrollmentToken: pendingToken(),
      enrollmentData: { photo: fromState('photo', EXAMPLE.photo), isExternalPhoto: true },
    },
    responseBody: successBody('enrollFactor'),
  }).executeTest(
    thenRecorded(async (server) => {
      const result = await clientFor(server.url).attempt('enrollFactor', {
        factorType: 'FACE',
        enrollmentToken: EXAMPLE.enrollmentToken,
        enrollmentData: { photo: EXAMPLE.photo, isExternalPhoto: true },
      });
      expect(result.ok).toBe(true);
    }),
  );
});
