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
 * Resets every factor of a real environment's designated test users (the other user too: the pact binds
 * factors to it): the safety net after a nightly run, whatever happened to the tests' own per-test cleanup
 * (crashed workers, timeouts, killed runs). A user whose factors stay bound does not stop the reset of the
 * next; every one left is named at the end.
 */
export async function resetDesignatedUser(config: HarnessConfig): Promise<CleanupOutcome> {
  const { baseUrl, appId, user, otherUser } = config;
  if (config.kind !== 'real' || !baseUrl || !appId || !user) {
    return { reset: [], skipped: 'the target has no designated user (the mock gives every test its own)' };
  }
  const designated = [
    { role: 'the designated user', credentials: user },
    ...config.poolUsers.map((credentials, index) => ({ role: `pool user ${index + 1}`, credentials })),
    ...(otherUser ? [{ role: 'the other user', credentials: otherUser }] : []),
  ];
  const reset: string[] = [];
  const left: string[] = [];
  for (const { role, credentials } of designated) {
    const accessToken =
      'accessToken' in credentials ? credentials.accessToken : await signIn(baseUrl, appId, credentials);
    const client = new EnrollFactorClient({ baseUrl, appId, accessToken });
    for (const factor of await client.listEnrolledFactors()) {
      await client.resetFactor({ factorId: factor.factorId });
      reset.push(`${factor.factorType} ${factor.factorId}`);
    }
    const stillBound = await client.listEnrolledFactors();
    if (stillBound.length > 0) {
      const name = 'account' in credentials ? credentials.account : role;
      left.push(`${name}: ${stillBound.map((f) => `${f.factorType} ${f.factorId}`).join(', ')}`);
    }
  }
  if (left.length > 0) {
    throw new HarnessError(
      `designated users still have factors enrolled after reset-factor (${left.join('; ')}): ` +
        'reset them by hand before the next run.',
    );
  }
  return { reset };
}
