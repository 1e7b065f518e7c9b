import { aFactor, defined, expectAccepted, scenario, test } from '../../fixtures';
import { fetchTransport } from '../../src/client';
import { FACTOR_TYPES } from '../../src/contract';

/** Playwright's request context would re-encode a body it cannot parse; these must arrive byte for byte. */
const verbatimTransport = fetchTransport();

for (const factorType of FACTOR_TYPES) {
  test.describe(`${factorType} request format`, () => {
    test.use({ touches: [factorType] });

    test(
      `${aFactor(factorType)} enrollment request sent as text/plain is refused, though its text is JSON`,
      scenario({ factorType, scenario: 'request format', defects: ['accept-any-content-type'] }),
      async ({ client, testData, expectFailure }) => {
        const profile = testData.profileFor(factorType);
        const body = JSON.stringify({ factorType, profile });
        for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
          await test.step(`a body labelled ${contentType} is refused`, async () => {
            const result = await client
              .with({ transport: verbatimTransport })
              .raw('sendEnrollFactorRequest', { rawBody: body, headers: { 'content-type': contentType } });
            await expectFailure(result, 'unsupportedContentType');
          });
        }
      },
    );

    test(
      `${aFactor(factorType)} enrollment with a body over the size limit is refused`,
      scenario({ factorType, scenario: 'request format', defects: ['no-payload-limit'] }),
      async ({ client, enrollment, environment, expectFailure }) => {
        const limit = environment.payloadLimitBytes;
        test.skip(limit === undefined, "set PAYLOAD_LIMIT_BYTES to the target's request body limit");
        if (limit === undefined) return;
        const pending = await enrollment.start(factorType);
        const enrollmentData = await enrollment.enrollmentData(pending);
        // A request the provider would accept but for its size: the proof is right, the padding is extra.
        const padding = 'x'.repeat(limit + 1024);
        const result = await client.raw('enrollFactor', {
          body: { factorType, enrollmentToken: pending.enrollmentToken, enrollmentData, padding },
        });
        await expectFailure(result, 'payloadTooLarge');
      },
    );
  });
}

test.describe('answers', () => {
  test.use({ touches: ['EMAIL'] });

  test(
    'every answer of an enrollment is JSON labelled application/json',
    scenario({ factorType: 'EMAIL', scenario: 'request format', defects: ['text-plain-answers'] }),
    async ({ client, enrollment, expectFailure }) => {
      // The typed client refuses an answer with another content type, so each call below is the check.
      await test.step('list-factors-to-enroll', () => client.listFactorsToEnroll());
      const pending = await test.step('send-enroll-factor-request', () => enrollment.start('EMAIL'));
      await test.step('an error answer', async () =>
        expectFailure(await client.raw('enrollFactor', { body: { factorType: 'EMAIL' } }), 'missingField', {
          detail: 'enrollmentToken, enrollmentData',
        }));
      expectAccepted(await enrollment.enroll(pending), 'enroll-factor');
      const [factor] = await test.step('list-enrolled-factors', () => client.listEnrolledFactors());
      await test.step('get-factor', () =>
        client.getFactor({ factorId: defined(factor, 'the factor').factorId }));
    },
  );
});

test.describe('an unknown path', () => {
  // It binds nothing, so it holds none of a designated user's factor types.
  test.use({ touches: [] });

  test(
    'a path the API does not have is answered with a not-found envelope',
    scenario({ scenario: 'request format', defects: [] }),
    async ({ client, expectFailure }) => {
      const result = await client.raw('listFactorsToEnroll', { path: '/api/v3/list-factors-to-enrol' });
      await expectFailure(result, 'routeNotFound');
    },
  );
});
