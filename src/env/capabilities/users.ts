import { randomUUID } from 'node:crypto';
import { EnrollFactorClient } from '../../client';
import {
  ErrorEnvelopeSchema,
  FACTOR_TYPES,
  type FactorDto,
  type FactorType,
  LoginTokenRespDtoSchema,
  SIGNIN_PATH,
} from '../../contract';
import { HarnessError } from '../../errors';
import type { Credentials } from '../config';
import type { MockControl } from '../mock-control';
import type { AcquireUserOptions, TestUser, UserProvider } from '../types';
import { acquireFirst, FactorLock } from './factor-lock';

/** A fresh mock user per test, created through the control plane: tests never share state. */
export function mockUserProvider(control: MockControl): UserProvider {
  return {
    isolated: true,
    async acquire(options: AcquireUserOptions = {}) {
      const created = await control.createUser({
        factorTypes: options.factorTypes ? [...options.factorTypes] : undefined,
        phoneNumber: options.phoneNumber,
        email: options.email,
        // A pool of its own keeps the per-pool rate limit and resend locks of parallel tests apart.
        userPoolName: `HarnessPool-${randomUUID().slice(0, 8)}`,
        rateLimitPerSecond: options.rateLimitPerSecond,
      });
      return created;
    },
    async release() {},
  };
}

/** Signs in with account and password (`POST /api/v3/signin`) and returns the access token. */
export async function signIn(
  baseUrl: string,
  appId: string,
  credentials: { account: string; password: string },
): Promise<string> {
  const url = `${baseUrl}${SIGNIN_PATH}`;
  const fail = (detail: string) =>
    new HarnessError(`signing in as ${credentials.account} at ${url} failed: ${detail}`);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-authing-app-id': appId, accept: 'application/json' },
      body: JSON.stringify({
        connection: 'PASSWORD',
        passwordPayload: { account: credentials.account, password: credentials.password },
      }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw fail((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw fail(`HTTP ${response.status} with a body that is not JSON`);
  }
  const success = LoginTokenRespDtoSchema.safeParse(body);
  if (success.success) return success.data.data.access_token;
  const failure = ErrorEnvelopeSchema.safeParse(body);
  if (failure.success) {
    throw fail(
      `statusCode ${failure.data.statusCode}: ${failure.data.message}. Check GENAUTH_ACCOUNT, GENAUTH_PASSWORD and GENAUTH_APP_ID`,
    );
  }
  throw fail(`HTTP ${response.status} with an answer that is neither a token nor an error envelope`);
}

export interface DesignatedUserOptions {
  readonly baseUrl: string;
  readonly appId: string;
  /** The designated users: tests of the same factor type run side by side on different ones. */
  readonly pool: readonly Credentials[];
  readonly userPoolName?: string;
  /** Builds the client used for housekeeping (listing and resetting factors). */
  readonly client?: (accessToken: string) => EnrollFactorClient;
}

interface Session {
  readonly touches: readonly FactorType[];
  readonly found: readonly FactorDto[];
  readonly unlock: () => Promise<void>;
}

const describeFactor = (factor: FactorDto) => `${factor.factorType} ${factor.factorId}`;
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
 * as found.
 */
export function designatedUserProvider(options: DesignatedUserOptions): UserProvider {
  const clientFor =
    options.client ??
    ((accessToken: string) =>
      new EnrollFactorClient({ baseUrl: options.baseUrl, appId: options.appId, accessToken }));
  const members = options.pool.map((credentials) => {
    let token: Promise<string> | undefined;
    return {
      lock: new FactorLock(`${options.baseUrl}|${options.appId}|${JSON.stringify(credentials)}`),
      accessToken: () => {
        token ??=
          'accessToken' in credentials
            ? Promise.resolve(credentials.accessToken)
            : signIn(options.baseUrl, options.appId, credentials);
        return token;
      },
    };
  });
  const sessions = new WeakMap<TestUser, Session>();

  return {
    isolated: false,
    async acquire(acquireOptions: AcquireUserOptions = {}) {
      const touches = acquireOptions.touches ?? FACTOR_TYPES;
      const { holder: member, unlock } = await acquireFirst(members, touches, {
        waitingFor: `a designated user whose ${touches.join('/')} factors are free`,
      });
      try {
        const user: TestUser = {
          accessToken: await member.accessToken(),
          appId: options.appId,
          userPoolName: options.userPoolName,
        };
        const found = await clientFor(user.accessToken).listEnrolledFactors();
        const alreadyBound = found.filter((factor) => touches.includes(factor.factorType));
        if (alreadyBound.length > 0) {
          throw new HarnessError(
            `a designated test user already has ${alreadyBound.map(describeFactor).join(', ')} ` +
              'enrolled; the suites bind these types themselves. Reset them (reset-factor) before the run.',
          );
        }
        sessions.set(user, { touches, found, unlock });
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
        const ofTouchedTypes = (factors: readonly FactorDto[]) =>
          factors.filter((factor) => session.touches.includes(factor.factorType));
        const foundIds = new Set(session.found.map((factor) => factor.factorId));
        for (const factor of ofTouchedTypes(await client.listEnrolledFactors())) {
          if (!foundIds.has(factor.factorId)) await client.resetFactor({ factorId: factor.factorId });
        }
        const now = ofTouchedTypes(await client.listEnrolledFactors());
        const before = ofTouchedTypes(session.found);
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
