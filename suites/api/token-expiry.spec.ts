import { aFactor, expectAccepted, scenario, test } from '../../fixtures';
import { FACTOR_TYPES } from '../../src/contract';
import { letElapse } from '../../src/env';

/**
 * How close to the TTL the checks enroll comes from EXPIRY_MARGIN_MS: virtual time on the mock, real waiting
 * elsewhere. Both checks of a factor type share one wait: two tokens are requested first, one is enrolled
 * just before the TTL, the other just after it; the factor types run in parallel.
 */
for (const factorType of FACTOR_TYPES) {
  test.describe(`${factorType} enrollment token expiry`, () => {
    test.use({ touches: [factorType] });

    test(
      `${aFactor(factorType)} enrollment token is accepted just before its TTL runs out and rejected as expired just after`,
      scenario({
        factorType,
        scenario: 'token expiry',
        defects: ['expire-tokens-early', 'accept-expired-token'],
        decisions: ['enrollmentTokenTtlSeconds'],
      }),
      async ({ environment, enrollment, user, client, expectFailure }) => {
        const { enrollmentTokenTtlMs: ttlMs, clock, config } = environment;
        const margin = config.expiryMarginMs;
        // Both tokens are requested before the first is set up (its QR image scanned), so they share one wait.
        const requestedEarly = await enrollment.request(factorType);
        const late = await enrollment.start(factorType);
        const early = await enrollment.setUp(requestedEarly);
        const earlyProof = await enrollment.prepare(early);
        const lateProof = await enrollment.prepare(late);

        await test.step(`enroll-factor ${margin} ms before the TTL is accepted`, async () => {
          await letElapse(clock, user, early.requestedAt, ttlMs - margin);
          const result = await enrollment.enroll(early, await earlyProof());
          expectAccepted(result, `enroll-factor ${margin} ms before the TTL`);
          // The second token must be judged on its age alone, not on a factor already being bound.
          const bound = await enrollment.boundFactor(factorType);
          if (bound) await client.resetFactor({ factorId: bound.factorId });
        });

        await test.step(`enroll-factor ${margin} ms after the TTL is rejected as expired`, async () => {
          await letElapse(clock, user, late.answeredAt, ttlMs + margin);
          const result = await enrollment.enroll(late, await lateProof());
          await expectFailure(result, 'enrollmentTokenExpired');
        });
      },
    );
  });
}
