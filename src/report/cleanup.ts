import { EnrollFactorClient } from '../client';
import { signIn } from '../env/capabilities/users';
import type { HarnessConfig } from '../env/config';
import { HarnessError } from '../errors';

export interface CleanupOutcome {
  /** `factorType factorId` of every factor reset. */
  readonly reset: readonly string[];
  /** Why there was nothing to do, when there was nothing to do. */
  readonly skipped?: string;
}

/**
 * Resets every factor of a real environment's designated test users: the safety net after a nightly run,
 * whatever happened to the tests' own per-test cleanup (crashed workers, timeouts, killed runs).
 */
export async function resetDesignatedUser(config: HarnessConfig): Promise<CleanupOutcome> {
  const { baseUrl, appId, user } = config;
  if (config.kind !== 'real' || !baseUrl || !appId || !user) {
    return { reset: [], skipped: 'the target has no designated user (the mock gives every test its own)' };
  }
  const reset: string[] = [];
  for (const credentials of [user, ...config.poolUsers]) {
    const accessToken =
      'accessToken' in credentials ? credentials.accessToken : await signIn(baseUrl, appId, credentials);
    const client = new EnrollFactorClient({ baseUrl, appId, accessToken });
    for (const factor of await client.listEnrolledFactors()) {
      await client.resetFactor({ factorId: factor.factorId });
      reset.push(`${factor.factorType} ${factor.factorId}`);
    }
    const left = await client.listEnrolledFactors();
    if (left.length > 0) {
      throw new HarnessError(
        `a designated user still has ${left.map((f) => f.factorType).join(', ')} ` +
          'enrolled after reset-factor: reset them by hand before the next run.',
      );
    }
  }
  return { reset };
}
