import { randomUUID } from 'node:crypto';
import { EnrollFactorClient } from '../../client';
import { FACTOR_TYPES, type FactorDto, type FactorType } from '../../contract';
import { HarnessError } from '../../errors';
import type { Credentials } from '../config';
import type { MockControl } from '../mock-control';
import type { AcquireUserOptions, TestUser, UserProvider } from '../types';
import { UnavailableError } from '../unavailable';
import { acquireFirst, FactorLock } from './factor-lock';
import { signInTokens } from './sign-in';
import { StuckFactors } from './stuck-factors';

/** A fresh mock user per test, created through the control plane: tests never share state. */
export function mockUserProvider(control: MockControl): UserProvider {
  return {
    isolated: true,
    idTokens: true,
    async acquire(options: AcquireUserOptions = {}) {
      const created = await control.createUser({
        factorTypes: options.factorTypes ? [...options.factorTypes] : undefined,
        phoneNumber: options.phoneNumber,
        email: options.email,
        // A pool of its own keeps the per-pool rate limit and resend locks of parallel tests apart.
        userPoolName: `HarnessPool-${randomUUID().slice(0, 8)}`,
        rateLimitPerSecond: options.rateLimitPerSecond,
        refuseResetOf: options.refuseResetOf ? [...options.refuseResetOf] : undefined,
      });
      return created;
    },
    async release() {},
  };
}

export interface DesignatedUserOptions {
  readonly baseUrl: string;
  readonly appId: string;
  /** The designated users: tests of the same factor type run side by side on different ones. */
  readonly pool: readonly Credentials[];
  readonly userPoolName?: string;
  /** Builds the client used for housekeeping (listing and resetting factors). */
  readonly client?: (accessToken: string) => EnrollFactorClient;
  /** Where the users are configured, for the message of a failed sign-in. Default: the designated users' variables. */
  readonly configuredIn?: string;
}

interface Session {
  readonly touches: readonly FactorType[];
  readonly found: readonly FactorDto[];
  readonly unlock: () => Promise<void>;
}

const describeFactor = (factor: FactorDto) => `${factor.factorType} ${factor.factorId}`;
const ofTypes = (factors: readonly FactorDto[], types: readonly FactorType[]) =>
  factors.filter((factor) => types.includes(factor.factorType));
const sameFactors = (a: readonly FactorDto[], b: readonly FactorDto[]) => {
  const key = (factors: readonly FactorDto[]) =>
    factors
      .map((factor) => JSON.stringify([factor.factorId, factor.factorType, factor.profile]))
      .sort()
      .join('\n');
  return key(a) === key(b);
};

/**
 * The designated users of a real environment. A test locks the factor types it touches on one of them (so
 * no two workers bind the same type on the same user at once), taking the first user whose types are free:
 * with a pool of several users, tests of the same type run side by side. On release every factor of those
 * types bound during the test is reset, and the user's factors of those types are verified to be exactly
 * as found. A factor found bound at the start (left by a crashed run) is reset first.
 *
 * Where the environment refuses to reset a factor (as GenAuth's documentation once said of SMS and EMAIL),
 * that is one finding: the test that met it fails with the factor, the user and the answer, and for the rest
 * of the run the user is not given to tests that bind that type (skipped, with the finding, when no other
 * user can take them).
 */
export function designatedUserProvider(options: DesignatedUserOptions): UserProvider {
  const clientFor =
    options.client ??
    ((accessToken: string) =>
      new EnrollFactorClient({ baseUrl: options.baseUrl, appId: options.appId, accessToken }));
  const members = options.pool.map((credentials, index) => {
    const scope = `${options.baseUrl}|${options.appId}|${JSON.stringify(credentials)}`;
    let tokens: Promise<{ accessToken: string; idToken?: string }> | undefined;
    return {
      lock: new FactorLock(scope),
      stuck: new StuckFactors(scope),
      /** How a finding names the user: its account, never a token. */
      name: 'account' in credentials ? credentials.account : `designated user ${index + 1} (an access token)`,
      tokens: () => {
        tokens ??=
          'accessToken' in credentials
            ? Promise.resolve({ accessToken: credentials.accessToken })
            : signInTokens(options.baseUrl, options.appId, credentials, options.configuredIn);
        return tokens;
      },
    };
  });
  type Member = (typeof members)[number];
  const sessions = new WeakMap<TestUser, Session & { readonly member: Member }>();

  /** Resets `factors`; those the environment refuses are marked stuck and named in the one finding. */
  async function resetAll(
    member: Member,
    client: EnrollFactorClient,
    factors: readonly FactorDto[],
    when: string,
  ) {
    const refused: string[] = [];
    const stuckTypes = new Set<FactorType>();
    for (const factor of factors) {
      const result = await client.attempt('resetFactor', { factorId: factor.factorId });
      if (result.ok) continue;
      const { statusCode, apiCode, apiMessage } = result.error;
      const finding =
        `reset-factor refused to unbind the ${describeFactor(factor)} factor of ${member.name} ${when}: it answered ` +
        `statusCode ${statusCode}${apiCode === undefined ? '' : ` apiCode ${apiCode}`}, "${apiMessage}"`;
      member.stuck.mark(factor.factorType, finding);
      stuckTypes.add(factor.factorType);
      refused.push(finding);
    }
    if (refused.length > 0) {
      throw new HarnessError(
        `${refused.join('; ')}. For the rest of the run, tests that bind ${[...stuckTypes].join('/')} ` +
          `are not given this user. Unbind the factor by hand (unbind-phone for SMS, unbind-email for EMAIL, or the ` +
          'console) before the next run.',
      );
    }
  }

  return {
    isolated: false,
    // A sign-in hands out an id_token too; a configured access token comes without one.
    idTokens: options.pool.every((credentials) => 'account' in credentials),
    async acquire(acquireOptions: AcquireUserOptions = {}) {
      const touches = acquireOptions.touches ?? FACTOR_TYPES;
      const findingsOf = (member: Member) =>
        touches.flatMap((factorType) => member.stuck.findingFor(factorType) ?? []);
      const { holder: member, unlock } = await acquireFirst(members, touches, {
        waitingFor: `a designated user whose ${touches.join('/')} factors are free`,
        eligible: (member) => findingsOf(member).length === 0,
        noneEligible: () =>
          new UnavailableError(
            `no designated user can take a test that binds ${touches.join('/')}: ${members.flatMap(findingsOf).join('; ')}`,
          ),
      });
      try {
        const user: TestUser = {
          ...(await member.tokens()),
          appId: options.appId,
          userPoolName: options.userPoolName,
        };
        const client = clientFor(user.accessToken);
        const listed = await client.listEnrolledFactors();
        const leftover = ofTypes(listed, touches);
        await resetAll(member, client, leftover, 'left from an earlier run');
        // Listed again only when something was reset: the touched types are locked, so nothing else changed them.
        const found = leftover.length > 0 ? await client.listEnrolledFactors() : listed;
        const stillBound = ofTypes(found, touches);
        if (stillBound.length > 0) {
          throw new HarnessError(
            `${member.name} still has ${stillBound.map(describeFactor).join(', ')} enrolled after ` +
              'reset-factor answered success; the suites bind these types themselves.',
          );
        }
        sessions.set(user, { touches, found, unlock, member });
        return user;
      } catch (error) {
        await unlock();
        throw error;
      }
    },
    async release(user) {
      const session = sessions.get(user);
      if (!session) return;
      sessions.delete(user);
      try {
        const client = clientFor(user.accessToken);
        const foundIds = new Set(session.found.map((factor) => factor.factorId));
        const bound = ofTypes(await client.listEnrolledFactors(), session.touches).filter(
          (f) => !foundIds.has(f.factorId),
        );
        await resetAll(session.member, client, bound, 'after the test that bound it');
        const now = ofTypes(await client.listEnrolledFactors(), session.touches);
        const before = ofTypes(session.found, session.touches);
        if (!sameFactors(now, before)) {
          throw new HarnessError(
            `cleanup failed: the designated test user's ${session.touches.join('/')} factors are ` +
              `[${now.map(describeFactor).join(', ')}] after the test, but were [${before.map(describeFactor).join(', ')}]`,
          );
        }
      } finally {
        await session.unlock();
      }
    },
  };
}
