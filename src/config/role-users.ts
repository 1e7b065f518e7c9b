import { FACTOR_TYPES, type FactorType, FactorTypeSchema, limitedString } from '../contract';
import { z } from '../contract/zod';
import { jsonOf } from './parsers';

/**
 * The users a real environment sets up for one purpose each (`GENAUTH_ROLE_USERS`): what a test needs that a
 * designated user must not be (of another application, without a phone number or email, asked for MFA at
 * sign-in, in a user pool of its own, refused its resets, holding every factor type at once). One JSON object, role → user, so a team sets one
 * variable however many roles its tenant has; a role left out skips the tests that need it, saying so.
 */

/** What each role is for, in the words a skip and the docs use. */
export const ROLES = {
  otherApp: 'a user of a second application (appId: that application)',
  factorTypesDisabled:
    'a user of an application that does not enable the factor types in disabledFactorTypes (appId: that application)',
  withoutContact: 'a user with neither a phone number nor an email address',
  mfaAtSignIn: 'a user whose sign-in asks for MFA, so it hands out an MFA token (account and password)',
  throttling:
    'a user in a user pool of its own (appId: an application of that pool), so a burst over the rate limit locks out nobody else',
  resetRefused: 'a user whose EMAIL factor reset-factor refuses to unbind',
  severalFactors:
    'a user of its own who may hold every factor type at once (an email or phone number, no factor enrolled), for the journeys through several factors',
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

/** The roles whose user must belong to an application other than GENAUTH_APP_ID. */
const OWN_APPLICATION: readonly Role[] = ['otherApp', 'factorTypesDisabled', 'throttling'];

/** How a role user signs in: an account and password (`POST /api/v3/signin`), or an access token. */
export type RoleCredentials =
  | { readonly account: string; readonly password: string }
  | { readonly accessToken: string };

export interface RoleUser {
  readonly credentials: RoleCredentials;
  /** The user's application; unset: GENAUTH_APP_ID. */
  readonly appId?: string;
  /** The factor types the user's application does not enable (`factorTypesDisabled` only). */
  readonly disabledFactorTypes?: readonly FactorType[];
}

export type RoleUsers = { readonly [R in Role]?: RoleUser };

const factorTypes = z
  .array(FactorTypeSchema, {
    error: `must be a list of factor types, some of ${FACTOR_TYPES.join(', ')}`,
  })
  .min(1, { error: `must name at least one factor type, some of ${FACTOR_TYPES.join(', ')}` })
  .refine((types) => new Set(types).size === types.length, { error: 'names a factor type twice' });

function roleSchema(role: Role) {
  const needsApp = OWN_APPLICATION.includes(role);
  const text = (field: Parameters<typeof limitedString>[0]) =>
    limitedString(field).min(1, { error: 'must not be empty' }).optional();
  return z
    .strictObject(
      {
        account: text('signinName'),
        password: text('password'),
        accessToken: z.string().min(1, { error: 'must not be empty' }).optional(),
        appId: text('objectId'),
        ...(role === 'factorTypesDisabled' ? { disabledFactorTypes: factorTypes.optional() } : {}),
      },
      { error: fieldsOf(role) },
    )
    .superRefine((user, ctx) => {
      const problem = (path: string, message: string) =>
        ctx.addIssue({ code: 'custom', path: path ? [path] : [], message });
      if (user.accessToken && (user.account || user.password)) {
        problem('', 'gives an accessToken and an account: give one of the two');
      } else if (role === 'mfaAtSignIn' && user.accessToken) {
        problem(
          'accessToken',
          'cannot stand in for a sign-in: the MFA token comes from signing in, give account and password',
        );
      } else if (user.account && !user.password) {
        problem('password', 'is missing: set it together with account');
      } else if (user.password && !user.account) {
        problem('account', 'is missing: set it together with password');
      } else if (!user.accessToken && !user.account) {
        problem('', 'needs account and password, or accessToken');
      }
      if (needsApp && !user.appId) problem('appId', `is missing: ${ROLES[role]}`);
      if (role === 'factorTypesDisabled' && !('disabledFactorTypes' in user && user.disabledFactorTypes)) {
        problem('disabledFactorTypes', 'is missing: the factor types the application does not enable');
      }
    })
    .transform((user): RoleUser => {
      const credentials: RoleCredentials = user.accessToken
        ? { accessToken: user.accessToken }
        : { account: user.account ?? '', password: user.password ?? '' };
      const disabled = 'disabledFactorTypes' in user ? user.disabledFactorTypes : undefined;
      return {
        credentials,
        ...(user.appId ? { appId: user.appId } : {}),
        ...(disabled ? { disabledFactorTypes: disabled as FactorType[] } : {}),
      };
    });
}

/** The message of a field a role does not take. */
function fieldsOf(role: Role) {
  const fields = ['account', 'password', 'accessToken', 'appId'];
  if (role === 'factorTypesDisabled') fields.push('disabledFactorTypes');
  return (issue: { code?: string; keys?: readonly string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `takes no ${issue.keys?.join(', ')}; its fields are ${fields.join(', ')}`
      : undefined;
}

export const RoleUsersSchema = z
  .strictObject(Object.fromEntries(ROLE_NAMES.map((role) => [role, roleSchema(role).optional()])), {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `names no role: ${issue.keys.join(', ')}; the roles are ${ROLE_NAMES.join(', ')}`
        : 'must be a JSON object of role → user',
  })
  .transform((users) => users as RoleUsers);

export const ROLE_USERS_EXAMPLE =
  '{"otherApp":{"account":"qa-other-app","password":"…","appId":"6500000000000000000000bb"}}';

/** `GENAUTH_ROLE_USERS`: JSON of role → user, checked role by role; unset: no role user. */
export const roleUsersVariable = jsonOf(RoleUsersSchema, `an object such as ${ROLE_USERS_EXAMPLE}`).transform(
  (users) => users ?? {},
);

/**
 * What ties the role users to the rest of the configuration: a role that needs an application of its own
 * does not name GENAUTH_APP_ID, the throttling pool is no other role's, and every role user is a user of its
 * own (neither a designated user nor another role's), since tests of different roles run side by side.
 */
export function roleUserProblems(
  roles: RoleUsers,
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  const problems: string[] = [];
  const at = (role: Role, field?: string) => `GENAUTH_ROLE_USERS ${role}${field ? `.${field}` : ''}`;
  const mainApp = env.GENAUTH_APP_ID?.trim();
  for (const role of OWN_APPLICATION) {
    if (mainApp && roles[role]?.appId === mainApp) {
      problems.push(`${at(role, 'appId')} is GENAUTH_APP_ID: needs ${ROLES[role]}, another application`);
    }
  }
  const throttlingApp = roles.throttling?.appId;
  for (const role of ROLE_NAMES) {
    if (role !== 'throttling' && throttlingApp && roles[role]?.appId === throttlingApp) {
      problems.push(
        `${at(role, 'appId')} is the throttling role's application: its burst would throttle this role's tests; give the throttling user a user pool of its own`,
      );
    }
  }
  const designated = Object.entries(env)
    .filter(([name, value]) => /^GENAUTH_(OTHER_)?ACCOUNT(_\d+)?$/.test(name) && value?.trim())
    .map(([name, value]) => [value?.trim(), name] as const);
  const taken = new Map<string, string>(designated as [string, string][]);
  for (const role of ROLE_NAMES) {
    const credentials = roles[role]?.credentials;
    const key = credentials && ('account' in credentials ? credentials.account : credentials.accessToken);
    if (!credentials || !key) continue;
    const holder = taken.get(key);
    if (holder) {
      problems.push(
        `${at(role)} is also ${holder.startsWith('GENAUTH_') ? holder : `the ${holder} role's user`}: every role needs a user of its own, since tests of different roles run side by side`,
      );
    }
    taken.set(key, role);
  }
  return problems;
}
