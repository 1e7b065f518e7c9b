import { randomUUID } from 'node:crypto';
import { ROLES, type Role, type RoleUser, type RoleUsers } from '../../config/role-users';
import { FACTOR_TYPES, type FactorType } from '../../contract';
import type { MockControl } from '../mock-control';
import type { UserProvider } from '../types';
import { signInForMfaToken } from './sign-in';

/**
 * What a test needs of a user that a designated user must not be, one capability per role: the mock makes
 * such a user for each test; a real environment has the user it set up for the role (`GENAUTH_ROLE_USERS`),
 * or not, and then the test is skipped with `roleNeeded(role)`.
 */
export interface RoleCapabilities {
  /** Users of a second application (mock: every fresh user has an application of its own). */
  readonly otherAppUsers?: UserProvider;
  /**
   * Users of an application that does not enable `disabled` (mock: every type can be, as `factorTypes` of
   * `acquire` says; a real application is as the tenant configured it).
   */
  readonly appWithoutFactorTypes?: {
    readonly disabled: readonly FactorType[];
    readonly users: UserProvider;
  };
  /** Users with neither a phone number nor an email address (mock: a fresh user acquired without either). */
  readonly usersWithoutContact?: UserProvider;
  /** Signs in as a user whose sign-in asks for MFA: the MFA token it hands out, and its application. */
  readonly mfaSignIn?: () => Promise<{ readonly mfaToken: string; readonly appId: string }>;
  /** Users for whom reset-factor refuses to unbind `factorTypes` (mock: as `refuseResetOf` of `acquire` says). */
  readonly resetRefusals?: {
    readonly factorTypes: readonly FactorType[];
    readonly users: UserProvider;
  };
  /** Users in a user pool of their own, for a burst over its rate limit (mock: a fresh pool, limited per test). */
  readonly ownPoolUsers?: UserProvider;
  /** Users who may hold every factor type at once, so no shared designated user's four types are held. */
  readonly severalFactorsUsers?: UserProvider;
}

/**
 * The skip of a test whose role the environment did not set up: what the role is (and what of it the test
 * needs), and where to set it.
 */
export function roleNeeded(role: Role, detail?: string): string {
  return (
    `needs ${ROLES[role]}${detail ? `, ${detail}` : ''}: set one up and name it "${role}" in ` +
    'GENAUTH_ROLE_USERS (docs/environments.md, "Users for one purpose")'
  );
}

/** Every role of the mock: fresh users, made as each test asks. */
export function mockRoles(users: UserProvider, control: MockControl, baseUrl: string): RoleCapabilities {
  return {
    otherAppUsers: users,
    appWithoutFactorTypes: { disabled: FACTOR_TYPES, users },
    usersWithoutContact: users,
    resetRefusals: { factorTypes: FACTOR_TYPES, users },
    ownPoolUsers: users,
    severalFactorsUsers: users,
    async mfaSignIn() {
      // Through the sign-in, as on a real environment: a user whose sign-in asks for MFA.
      const credentials = { account: `mfa-${randomUUID()}`, password: randomUUID() };
      const { appId } = await control.createUser({ ...credentials, signInNeedsMfa: true });
      return { appId, mfaToken: await signInForMfaToken(baseUrl, appId, credentials, 'the mock') };
    },
  };
}

export interface RealRoleOptions {
  readonly baseUrl: string;
  /** GENAUTH_APP_ID: the application of a role user that names none. */
  readonly appId: string;
  /** The designated-user provider of one role user, in its application. */
  readonly provider: (user: RoleUser, appId: string, configuredIn: string) => UserProvider;
}

/** The roles a real environment set up (`GENAUTH_ROLE_USERS`), each its user's own provider. */
export function realRoles(roles: RoleUsers, options: RealRoleOptions): RoleCapabilities {
  const configuredIn = (role: Role) => `"${role}" in GENAUTH_ROLE_USERS`;
  const provider = (role: Role) => {
    const user = roles[role];
    return user ? options.provider(user, user.appId ?? options.appId, configuredIn(role)) : undefined;
  };
  const disabled = roles.factorTypesDisabled;
  const appWithout = provider('factorTypesDisabled');
  const refusing = provider('resetRefused');
  const mfa = roles.mfaAtSignIn;
  return {
    otherAppUsers: provider('otherApp'),
    appWithoutFactorTypes:
      disabled && appWithout
        ? { disabled: disabled.disabledFactorTypes ?? [], users: appWithout }
        : undefined,
    usersWithoutContact: provider('withoutContact'),
    resetRefusals: refusing ? { factorTypes: ['EMAIL'], users: refusing } : undefined,
    ownPoolUsers: provider('throttling'),
    severalFactorsUsers: provider('severalFactors'),
    mfaSignIn:
      mfa && 'account' in mfa.credentials
        ? async () => {
            const appId = mfa.appId ?? options.appId;
            const credentials = mfa.credentials as { account: string; password: string };
            const mfaToken = await signInForMfaToken(
              options.baseUrl,
              appId,
              credentials,
              configuredIn('mfaAtSignIn'),
            );
            return { mfaToken, appId };
          }
        : undefined,
  };
}

/** The same roles with every user provider passed through `wrap` (e.g. into a test's time budget). */
export function mapRoleProviders(
  roles: RoleCapabilities,
  wrap: (provider: UserProvider) => UserProvider,
): RoleCapabilities {
  const map = <T extends { readonly users: UserProvider }>(role: T | undefined) =>
    role ? { ...role, users: wrap(role.users) } : undefined;
  return {
    ...roles,
    otherAppUsers: roles.otherAppUsers && wrap(roles.otherAppUsers),
    appWithoutFactorTypes: map(roles.appWithoutFactorTypes),
    usersWithoutContact: roles.usersWithoutContact && wrap(roles.usersWithoutContact),
    resetRefusals: map(roles.resetRefusals),
    ownPoolUsers: roles.ownPoolUsers && wrap(roles.ownPoolUsers),
    severalFactorsUsers: roles.severalFactorsUsers && wrap(roles.severalFactorsUsers),
  };
}
