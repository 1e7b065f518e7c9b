import { expectAccepted, test } from '../../fixtures';
import { FACTOR_TYPES } from '../../src/contract';

const ROUNDS = Number(process.env.BENCH_FLAT_ROUNDS || 60);

for (let round = 1; round <= ROUNDS; round++) {
  for (const factorType of FACTOR_TYPES) {
    test(`round ${round}: ${factorType} is requested, enrolled, listed and reset`, async ({
      client,
      enrollment,
    }) => {
      expectAccepted(await enrollment.enroll(await enrollment.start(factorType)), 'enroll-factor');
      const bound = await enrollment.boundFactor(factorType);
      await client.resetFactor({ factorId: bound!.factorId });
    });
  }
}
