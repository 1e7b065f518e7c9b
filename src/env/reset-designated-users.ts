import { EnrollFactorClient } from '../client';
import { HarnessError } from '../errors';
import { signIn } from './capabilities/sign-in';
import type { HarnessConfig } from './config';

export interface CleanupOutcome {
  /** `factorType factorId` of every factor reset. */
  readonly reset: readonly string[];
  /** Why there was nothing to do, when there was nothing to do. */
  readonly skipped?: string;
}

/**
 * Resets every factor of a real environment's designated test users (the other user too: the pact binds
 * factors to it; and the several factors' role user, who binds them all): the safety net after a nightly run, whatever happened to the tests' own per-test cleanup
 * (crashed workers, timeouts, killed runs). A user whose factors stay bound does not stop the reset of the
 * next; every one left is named at the end.
 */
export async function resetDesignatedUser(config: HarnessConfig): Promise<CleanupOutcome> {
  const { baseUrl, appId, user, otherUser } = config;
  if (config.kind !== 'real' || !baseUrl || !appId || !user) {
    return { reset: [], skipped: 'the target has no designated user (the mock gives every test its own)' };
  }
  const severalFactors = config.roleUsers.severalFactors;
  const designated = [
    { role: 'the designated user', credentials: user, appId },
    ...config.poolUsers.map((credentials, index) => ({ role: `pool user ${index + 1}`, credentials, appId })),
    ...(otherUser ? [{ role: 'the other user', credentials: otherUser, appId }] : []),
    ...(severalFactors
      ? [
          {
            role: 'the several factors user',
            credentials: severalFactors.credentials,
            appId: severalFactors.appId ?? appId,
          },
        ]
      : []),
  ];
  const reset: string[] = [];
  const refused: string[] = [];
  const left: string[] = [];
  for (const { role, credentials, appId: inApp } of designated) {
    const name = 'account' in credentials ? credentials.account : role;
    const accessToken =
      'accessToken' in credentials ? credentials.accessToken : await signIn(baseUrl, inApp, credentials);
    const client = new EnrollFactorClient({ baseUrl, appId: inApp, accessToken });
    for (const factor of await client.listEnrolledFactors()) {
      const result = await client.attempt('resetFactor', { factorId: factor.factorId });
      if (result.ok) {
        reset.push(`${factor.factorType} ${factor.factorId}`);
        continue;
      }
      const { statusCode, apiCode, apiMessage } = result.error;
      refused.push(
        `${name}: ${factor.factorType} ${factor.factorId} (statusCode ${statusCode}` +
          `${apiCode === undefined ? '' : ` apiCode ${apiCode}`}, "${apiMessage}")`,
      );
    }
    const stillBound = await client.listEnrolledFactors();
    if (stillBound.length > 0) {
      left.push(`${name}: ${stillBound.map((f) => `${f.factorType} ${f.factorId}`).join(', ')}`);
    }
  }
  if (refused.length > 0 || left.length > 0) {
    throw new HarnessError(
      [
        ...(refused.length ? [`reset-factor refused to unbind ${refused.join('; ')}`] : []),
        `designated users still have factors enrolled after the reset (${left.join('; ')})`,
      ].join('. ') +
        ': unbind them by hand (unbind-phone for SMS, unbind-email for EMAIL, or the console) before the next run.',
    );
  }
  return { reset };
}
