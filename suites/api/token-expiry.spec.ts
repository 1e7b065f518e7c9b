import { aFactor, expectAccepted, scenario, test } from '../../fixtures';
import { FACTOR_TYPES } from '../../src/contract';
import { letElapse } from '../../src/env';

/**
 * How close to the TTL the checks enroll comes from EXPIRY_MARGIN_MS: virtual time on the mock, real waiting
 * elsewhere (every factor type in parallel).
 */
for (const factorType of FACTOR_TYPES) {
  test.describe(`${factorType} enrollment token expiry`, () => {
    test.use({ touches: [factorType] });

    test(
      `${aFactor(factorType)} enrollment token is accepted just before its TTL runs out`,
      scenario({ factorType, scenario: 'token expiry', defects: ['expire-tokens-early'] }),
      async ({ environment, enrollment, user, client }) => {
        const pending = await enrollment.start(factorType);
        const proof = await enrollment.prepare(pending);
        const { enrollmentTokenTtlMs, config } = environment;
        await letElapse(
          environment.clock,
          user,
          pending.requestedAt,
          enrollmentTokenTtlMs - config.expiryMarginMs,
        );
        const result = await client.attempt('enrollFactor', {
          factorType,
          enrollmentToken: pending.enrollmentToken,
          enrollmentData: await proof(),
        });
        expectAccepted(result, `enroll-factor ${config.expiryMarginMs} ms before the TTL`);
      },
    );

    test(
      `${aFactor(factorType)} enrollment token is rejected as expired just after its TTL`,
      scenario({ factorType, scenario: 'token expiry', defects: ['accept-expired-token'] }),
      async ({ environment, enrollment, user, client, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        const proof = await enrollment.prepare(pending);
        const { enrollmentTokenTtlMs, config } = environment;
        await letElapse(
          environment.clock,
          user,
          pending.answeredAt,
          enrollmentTokenTtlMs + config.expiryMarginMs,
        );
        const result = await client.attempt('enrollFactor', {
          factorType,
          enrollmentToken: pending.enrollmentToken,
          enrollmentData: await proof(),
        });
        await expectFailure(result, 'enrollmentTokenExpired');
      },
    );
  });
}
