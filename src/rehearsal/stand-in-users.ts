import { randomBytes } from 'node:crypto';
import type { SeedUser } from '../config/mock-values';
import { variableProblems } from '../config/parsers';
import { ROLE_NAMES, type Role, type RoleUser, type RoleUsers, RoleUsersSchema } from '../config/role-users';
import { FACTOR_TYPES } from '../contract';
import { HarnessError } from '../errors';

/**
 * The stand-in's users, set up as a team sets up its staging tenant: the designated users, the other user, and
 * a user for every role of `GENAUTH_ROLE_USERS` (of a second application, of an application without some factor
 * types, without phone or email, asked for MFA at sign-in, in a throttled pool of its own, refused its resets,
 * holding several factors).
 * `.env.rehearsal` names their accounts; their passwords are made up for each run.
 */

/** Requests per second the stand-in's throttling pool serves; THROTTLE_BURST must go over it. */
export const STAND_IN_POOL_RATE_LIMIT = 5;
const THROTTLING_POOL = 'RehearsalThrottlingPool';

export interface StandInUsers {
  /** The mock's seed users (`MOCK_SEED_USERS`). */
  readonly seedUsers: readonly SeedUser[];
  /**
   * What the suites' processes get besides `.env.rehearsal`: the passwords made up for this run
   * (`GENAUTH_PASSWORD`, `GENAUTH_PASSWORD_<n>`, `GENAUTH_OTHER_PASSWORD`) and `GENAUTH_ROLE_USERS` with its
   * users' passwords filled in.
   */
  readonly variables: Readonly<Record<string, string>>;
}

/** What the stand-in makes of a role's user beyond its account and password: what the tenant would set up. */
const ROLE_SEEDS: Readonly<
  Record<Role, (user: RoleUser, email: string) => Omit<SeedUser, 'account' | 'password'>>
> = {
  otherApp: (_, email) => ({ email }),
  factorTypesDisabled: (user, email) => ({
    email,
    factorTypes: FACTOR_TYPES.filter((type) => !user.disabledFactorTypes?.includes(type)),
  }),
  withoutContact: () => ({}),
  mfaAtSignIn: (_, email) => ({ email, signInNeedsMfa: true }),
  throttling: (_, email) => ({
    email,
    userPoolName: THROTTLING_POOL,
    rateLimitPerSecond: STAND_IN_POOL_RATE_LIMIT,
  }),
  resetRefused: (_, email) => ({ email, refuseResetOf: ['EMAIL'] }),
  severalFactors: (_, email) => ({ email }),
};

const problem = (detail: string) => new HarnessError(`rehearsal: .env.rehearsal ${detail}`);

/** The seed users of the stand-in for the configuration in `env` (after `.env.rehearsal` is loaded). */
export function standInUsers(
  env: Readonly<Record<string, string | undefined>>,
  makePassword: () => string = () => randomBytes(18).toString('base64url'),
): StandInUsers {
  const appId = env.GENAUTH_APP_ID ?? '';
  const emailOf = (account: string) => `${account}@${env.TEST_EMAIL_DOMAIN ?? 'rehearsal.test'}`;
  const accountVariables = Object.keys(env)
    .filter((name) => /^GENAUTH_(OTHER_)?ACCOUNT(_\d+)?$/.test(name) && env[name])
    .sort();
  const variables: Record<string, string> = {};
  const seedUsers: SeedUser[] = accountVariables.map((name) => {
    const account = env[name] ?? '';
    const password = makePassword();
    variables[name.replace('ACCOUNT', 'PASSWORD')] = password;
    return { account, password, email: emailOf(account), userPoolName: env.GENAUTH_USER_POOL_NAME, appId };
  });
  // After the designated users, whose application enables every factor type.
  const roles = roleUsersWithPasswords(env.GENAUTH_ROLE_USERS, makePassword);
  for (const role of ROLE_NAMES) {
    const user = roles.parsed[role];
    if (!user || !('account' in user.credentials)) continue;
    const { account, password } = user.credentials;
    seedUsers.push({
      account,
      password,
      appId: user.appId ?? appId,
      userPoolName: env.GENAUTH_USER_POOL_NAME,
      ...ROLE_SEEDS[role](user, emailOf(account)),
    });
  }
  if (roles.parsed.throttling) {
    const burst = Number(env.THROTTLE_BURST ?? 0);
    if (!(burst > STAND_IN_POOL_RATE_LIMIT)) {
      throw problem(
        `sets the throttling role, whose pool serves ${STAND_IN_POOL_RATE_LIMIT} requests per second: set THROTTLE_BURST above that`,
      );
    }
  }
  if (roles.json) variables.GENAUTH_ROLE_USERS = roles.json;
  return { seedUsers, variables };
}

/** `GENAUTH_ROLE_USERS` of `.env.rehearsal` (accounts only) with a password made up for each, checked. */
function roleUsersWithPasswords(
  json: string | undefined,
  makePassword: () => string,
): { parsed: RoleUsers; json?: string } {
  if (!json?.trim()) return { parsed: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw problem('GENAUTH_ROLE_USERS is not valid JSON');
  }
  const completed =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? Object.fromEntries(
          Object.entries(raw).map(([role, user]) => {
            if (user === null || typeof user !== 'object') return [role, user];
            if ('accessToken' in user) {
              throw problem(
                `GENAUTH_ROLE_USERS gives ${role} an accessToken: the stand-in's users sign in, give an account (its password is made up for each run)`,
              );
            }
            return [role, { ...user, password: makePassword() }];
          }),
        )
      : raw;
  const parsed = RoleUsersSchema.safeParse(completed);
  if (!parsed.success) {
    throw problem(`GENAUTH_ROLE_USERS ${variableProblems(parsed.error.issues).join('; ')}`);
  }
  return { parsed: parsed.data, json: JSON.stringify(completed) };
}
