import { randomUUID } from 'node:crypto';
import { EnrollFactorClient } from '../client';
import { HarnessError } from '../errors';
import type { DefectId } from '../mock/defects';
import { realClock, virtualClock } from './capabilities/clock';
import { createCodeInbox } from './capabilities/code-inbox';
import { mockRoles, type RoleCapabilities, realRoles } from './capabilities/roles';
import { designatedUserProvider, mockUserProvider } from './capabilities/users';
import type { Credentials, FacePhoto, HarnessConfig } from './config';
import { MockControl } from './mock-control';
import { type Timing, timingOf } from './timing';
import type { Clock, CodeChannel, CodeInbox, UserProvider } from './types';

/**
 * Everything a test may ask of the target environment, whichever environment it is: the users of one purpose
 * each (`RoleCapabilities`) among the rest.
 */
export interface Environment extends RoleCapabilities {
  readonly config: HarnessConfig;
  readonly baseUrl: string;
  /** On the mock every catalog field is asserted; elsewhere only the documented ones. */
  readonly exactCatalog: boolean;
  readonly users: UserProvider;
  /** A second user, for "another user's token"; absent on a real environment configured with one user. */
  readonly otherUsers?: UserProvider;
  readonly inboxes: Readonly<Record<CodeChannel, CodeInbox>>;
  readonly clock: Clock;
  readonly enrollmentTokenTtlMs: number;
  /** How long things take here: every budget of a run is derived from it. */
  readonly timing: Timing;
  /** The photo that binds FACE on this environment; the mock accepts any photo URL, so tests build one. */
  readonly facePhoto?: FacePhoto;
  /** One line per fact worth showing in a report. */
  readonly summary: Readonly<Record<string, string>>;
  /** Switches the provider defects the target ships (the mock's control plane); absent elsewhere. */
  readonly defects?: { set(defects: readonly DefectId[]): Promise<void> };
  /**
   * How to provoke throttling: parallel requests that exceed the rate limit, and the limit a test user gets
   * (mock: a low limit of the user's own pool); the burst goes to a user of `ownPoolUsers`. Absent where the
   * configuration does not say it is safe.
   */
  readonly throttling?: { readonly burst: number; readonly perSecond?: number };
  /** The largest request body the target serves; absent where it is not known. */
  readonly payloadLimitBytes?: number;
  /** An account to sign in with (mock: one made for the test); absent without one. */
  readonly signInAccount?: () => Promise<{ readonly account: string; readonly appId: string }>;
}

export interface EnvironmentOptions {
  /** Where the API is: the configured GENAUTH_BASE_URL or the URL of an embedded mock. */
  readonly baseUrl: string;
  /** Housekeeping client of a real environment's designated and role users (default: a fetch client). */
  readonly client?: (accessToken: string, appId: string) => EnrollFactorClient;
}

/** On the mock a throttling test gets a pool limited to 5 requests per second and sends 20 at once. */
const MOCK_THROTTLE = { perSecond: 5, burst: 20 } as const;

export async function createEnvironment(
  config: HarnessConfig,
  { baseUrl, client }: EnvironmentOptions,
): Promise<Environment> {
  if (config.kind === 'mock') {
    const control = new MockControl(baseUrl, config.mockControlToken);
    const health = await control.health();
    const users = mockUserProvider(control);
    const enrollmentTokenTtlMs = health.enrollmentTokenTtlMs;
    return {
      config,
      baseUrl,
      exactCatalog: true,
      users,
      otherUsers: users,
      inboxes: {
        SMS: createCodeInbox(config.inboxes.SMS, config.codePattern, control),
        EMAIL: createCodeInbox(config.inboxes.EMAIL, config.codePattern, control),
      },
      clock: virtualClock(control),
      enrollmentTokenTtlMs,
      timing: timingOf(config, { enrollmentTokenTtlMs, virtualClock: true, isolatedUsers: true }),
      summary: summaryOf(config, baseUrl, enrollmentTokenTtlMs, 'virtual (mock control plane)'),
      defects: {
        async set(defects) {
          await control.setDefects(defects);
        },
      },
      throttling: { burst: MOCK_THROTTLE.burst, perSecond: MOCK_THROTTLE.perSecond },
      payloadLimitBytes: health.bodyLimitBytes,
      ...mockRoles(users, control, baseUrl),
      async signInAccount() {
        const account = `signin-${randomUUID()}`;
        const created = await control.createUser({ account, password: randomUUID() });
        return { account, appId: created.appId };
      },
    };
  }
  const appId = config.appId;
  const credentials = config.user;
  if (!appId || !credentials) throw new HarnessError(`a real environment needs GENAUTH_APP_ID and a user`);
  const designated = (
    pool: readonly Credentials[],
    inApp = appId,
    more: { userPoolName?: string; configuredIn?: string } = { userPoolName: config.userPoolName },
  ) =>
    designatedUserProvider({
      baseUrl,
      appId: inApp,
      pool,
      ...more,
      client: (accessToken) =>
        client?.(accessToken, inApp) ?? new EnrollFactorClient({ baseUrl, appId: inApp, accessToken }),
    });
  const ttlMs = config.enrollmentTokenTtlSeconds * 1000;
  return {
    config,
    baseUrl,
    exactCatalog: false,
    users: designated([credentials, ...config.poolUsers]),
    otherUsers: config.otherUser ? designated([config.otherUser]) : undefined,
    inboxes: {
      SMS: createCodeInbox(config.inboxes.SMS, config.codePattern),
      EMAIL: createCodeInbox(config.inboxes.EMAIL, config.codePattern),
    },
    clock: realClock(),
    enrollmentTokenTtlMs: ttlMs,
    timing: timingOf(config, { enrollmentTokenTtlMs: ttlMs, virtualClock: false, isolatedUsers: false }),
    facePhoto: config.facePhoto,
    summary: summaryOf(config, baseUrl, ttlMs, 'real waiting'),
    throttling: config.throttleBurst ? { burst: config.throttleBurst } : undefined,
    payloadLimitBytes: config.payloadLimitBytes,
    // A role user's pool name is the tenant's business: its OTP issuer is not checked.
    ...realRoles(config.roleUsers, {
      baseUrl,
      appId,
      provider: (user, inApp, configuredIn) => designated([user.credentials], inApp, { configuredIn }),
    }),
    signInAccount:
      'account' in credentials ? async () => ({ account: credentials.account, appId }) : undefined,
  };
}

function summaryOf(
  config: HarnessConfig,
  baseUrl: string,
  ttlMs: number,
  time: string,
): Record<string, string> {
  return {
    'target environment': `${config.targetEnv} (${config.kind})`,
    'base URL host': new URL(baseUrl).host,
    'enrollment token TTL': `${ttlMs / 1000} s`,
    time,
    'faker seed': String(config.fakerSeed),
  };
}
