import { FACTOR_TYPES, type LoginTokenRespDto, SigninByPasswordDtoSchema } from '../../contract';
import { type MockContext, rulesOf } from '../context';
import type { CreateUserRequest } from '../control-api';
import { newAccessToken, newObjectId } from '../secrets';
import type { App, TokenKind, User } from '../state';
import { checkInput, fail, type Outcome, succeed } from './outcome';

export interface NewUser extends CreateUserRequest {
  readonly account?: string;
  readonly password?: string;
  readonly appId?: string;
  readonly userId?: string;
}

/**
 * Creates a user (and its application, unless it names an existing one). `sweepable` users are forgotten
 * once idle (`sweep.ts`): those created through the control plane, not the seed users.
 */
export function createUser(
  context: MockContext,
  request: NewUser,
  { sweepable }: { readonly sweepable: boolean },
): { user: User; accessToken: string } {
  const userPoolName = request.userPoolName ?? context.config.defaultUserPoolName;
  const appId = request.appId ?? newObjectId();
  const app: App = context.state.apps.get(appId) ?? {
    appId,
    userPoolName,
    factorTypes: request.factorTypes ?? [...FACTOR_TYPES],
  };
  context.state.apps.set(appId, app);
  const user: User = {
    userId: request.userId ?? newObjectId(),
    appId,
    userPoolName: app.userPoolName,
    phoneNumber: request.phoneNumber,
    email: request.email,
    account: request.account,
    password: request.password,
    sweepable,
    lastSeenMs: context.clocks.now(undefined),
    refuseResetOf: request.refuseResetOf,
    signInNeedsMfa: request.signInNeedsMfa,
  };
  context.state.addUser(user);
  if (request.rateLimitPerSecond !== undefined) {
    context.state.poolRateLimits.set(app.userPoolName, request.rateLimitPerSecond);
  }
  return { user, accessToken: issueAccessToken(context, user) };
}

/** A token for the user: an access token unless `kind` says otherwise (the sign-in's id_token, an MFA token). */
export function issueAccessToken(context: MockContext, user: User, kind: TokenKind = 'access'): string {
  const now = context.clocks.now(user.userId);
  const expiresAt = now + context.config.accessTokenTtlMs;
  const token = newAccessToken(context.signingKey, {
    sub: user.userId,
    aud: user.appId,
    iss: context.config.issuer,
    iat: Math.floor(now / 1000),
    exp: Math.floor(expiresAt / 1000),
  });
  context.state.accessTokens.set(token, { userId: user.userId, expiresAt, kind });
  return token;
}

/** The access token inside an `authorization` header: `Bearer <token>` or the bare token. */
export function tokenFromAuthorization(
  header: string | undefined,
): { token: string; bare: boolean } | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  const bearer = /^bearer\s+(\S+)$/i.exec(value);
  if (bearer?.[1]) return { token: bearer[1], bare: false };
  return /\s/.test(value) ? undefined : { token: value, bare: true };
}

function userOfToken(context: MockContext, token: string | undefined): User | undefined {
  const record = token === undefined ? undefined : context.state.accessTokens.get(token);
  if (!record || context.clocks.now(record.userId) >= record.expiresAt) return undefined;
  const rules = rulesOf(context);
  if (record.kind === 'id' && !rules.idTokenAccepted) return undefined;
  if (record.kind === 'mfa' && rules.mfaTokenRefused) return undefined;
  return context.state.users.get(record.userId);
}

/**
 * The user of the access token in `authorization`. With an application id, the token must have been issued
 * for that application (its `aud`): another application's id is refused like no token.
 */
export function authenticate(
  context: MockContext,
  authorization: string | undefined,
  appId?: string,
): Outcome<User> {
  const rules = rulesOf(context);
  const presented = tokenFromAuthorization(authorization);
  const formAccepted = presented !== undefined && (!presented.bare || rules.bareTokenAccepted);
  const user = formAccepted ? userOfToken(context, presented.token) : undefined;
  const rightApp = !appId || !rules.tokenAppChecked || user?.appId === appId;
  if (user && rightApp) return succeed(seen(context, user));
  const anyone = rules.accessTokenRequired ? undefined : context.state.users.values().next().value;
  return anyone ? succeed(anyone) : fail('notLoggedIn');
}

/** Marks the user active now (real time), which keeps it from being swept as idle. */
export function seen(context: MockContext, user: User): User {
  user.lastSeenMs = context.clocks.now(undefined);
  return user;
}

/** An unknown application id is an error; a missing one is tolerated, as the Node SDK may omit it. */
export function checkAppId(context: MockContext, appId: string | undefined): Outcome<App | undefined> {
  if (!appId) return succeed(undefined);
  const app = context.state.apps.get(appId);
  if (app || !rulesOf(context).appIdChecked) return succeed(app);
  return fail('appNotFound');
}

/** The user pool a request counts against for throttling, its limit, and the clock it is counted on. */
export function throttlingOf(
  context: MockContext,
  authorization: string | undefined,
  appId: string | undefined,
): { pool: string; perSecond: number; nowMs: number } {
  const user = userOfToken(context, tokenFromAuthorization(authorization)?.token);
  const pool = user?.userPoolName ?? (appId ? context.state.apps.get(appId)?.userPoolName : undefined) ?? '';
  const perSecond = context.state.poolRateLimits.get(pool) ?? context.config.rateLimitPerSecond;
  return { pool, perSecond, nowMs: context.clocks.now(user?.userId) };
}

/** What a sign-in hands out: tokens, or an MFA token where the user's sign-in asks for MFA. */
export type SigninResult = LoginTokenRespDto['data'] | MfaRequired;

/** A sign-in that stops at MFA: the MFA token the next step of the login takes. */
export interface MfaRequired {
  readonly mfaRequired: true;
  readonly mfaToken: string;
}

export function signin(
  context: MockContext,
  appId: string | undefined,
  body: unknown,
): Outcome<SigninResult> {
  const checked = checkInput(SigninByPasswordDtoSchema, body);
  if (!checked.ok) return checked;
  const { password, account, email, phone, username } = checked.value.passwordPayload;
  const name = account ?? email ?? phone ?? username;
  const named = name === undefined ? [] : [...context.state.usersNamed(name)];
  const user = named.find((candidate) => !appId || candidate.appId === appId);
  if (!user || user.password !== password) return fail('wrongCredentials');
  if (user.signInNeedsMfa) {
    return succeed({ mfaRequired: true, mfaToken: issueAccessToken(context, user, 'mfa') });
  }
  // The Android SDK sends the id_token as the bearer when it has no access token: it is a credential too.
  return succeed({
    access_token: issueAccessToken(context, user),
    id_token: issueAccessToken(context, user, 'id'),
    token_type: 'Bearer',
    expire_in: Math.floor(context.config.accessTokenTtlMs / 1000),
  });
}
