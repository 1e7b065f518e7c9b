import {
  EnrollFactorDtoSchema,
  type ErrorScenario,
  FACTOR_TYPES,
  type FactorDto,
  type FactorType,
  factorIdOf,
  GetFactorDtoSchema,
  isDeliveredCode,
  MfaOtpVerifyDtoSchema,
  parseFactorId,
  ResetFactorDtoSchema,
  type SendEnrollFactorRequestDataDto,
  SendEnrollFactorRequestDtoSchema,
  SigninByPasswordDtoSchema,
} from '../contract';
import type { VirtualClocks } from './clock';
import type { CreateUserRequest } from './control-schema';
import type { DefectId } from './defects';
import type { FaultSet } from './faults';
import { checkInput, isBlank } from './input';
import { qrCodeDataUrl } from './qr';
import {
  newAccessToken,
  newEnrollmentToken,
  newNumericCode,
  newObjectId,
  newRecoveryCode,
  newTotpSecret,
} from './secrets';
import type { App, BoundFactor, MockState, PendingEnrollment, User } from './state';
import { otpAuthUri, verifyTotp } from './totp';

/** The functional core of the simulator: every rule of the seven operations, free of HTTP. */

export interface MockConfig {
  readonly codeLength: number;
  readonly enrollmentTokenTtlMs: number;
  readonly accessTokenTtlMs: number;
  readonly resendWindowMs: number;
  readonly defaultUserPoolName: string;
  /** `iss` of the access tokens. */
  readonly issuer: string;
}

export interface Delivery {
  readonly channel: 'SMS' | 'EMAIL';
  readonly to: string;
  readonly code: string;
  readonly phoneCountryCode?: string;
  readonly userPoolName: string;
  readonly sentAt: string;
}

export interface Core {
  readonly state: MockState;
  readonly clocks: VirtualClocks;
  readonly faults: FaultSet;
  readonly config: MockConfig;
  readonly signingKey: Buffer;
  /** Hands a code to the configured real channels (SMTP, SMS webhook); the outbox is written by the core. */
  readonly deliver: (delivery: Delivery) => void;
}

export type Outcome<T = undefined> = { ok: true; data: T } | { ok: false; scenario: ErrorScenario };

const fail = (scenario: ErrorScenario): { ok: false; scenario: ErrorScenario } => ({ ok: false, scenario });
const succeed = <T>(data: T): { ok: true; data: T } => ({ ok: true, data });

const TOTP_WINDOW = 1;
const DEFECTIVE_TOTP_WINDOW = 10;
const RACE_GAP_MS = 25;

function defect(core: Core, id: DefectId): boolean {
  return core.faults.has(id);
}

// ---- users, apps, tokens ---------------------------------------------------------------------------

export interface NewUser extends CreateUserRequest {
  readonly account?: string;
  readonly password?: string;
  readonly appId?: string;
  readonly userId?: string;
}

export function createUser(core: Core, request: NewUser): { user: User; accessToken: string } {
  const userPoolName = request.userPoolName ?? core.config.defaultUserPoolName;
  const appId = request.appId ?? newObjectId();
  const existing = core.state.apps.get(appId);
  const app: App = existing ?? { appId, userPoolName, factorTypes: request.factorTypes ?? [...FACTOR_TYPES] };
  core.state.apps.set(appId, app);
  const user: User = {
    userId: request.userId ?? newObjectId(),
    appId,
    userPoolName: app.userPoolName,
    phoneNumber: request.phoneNumber,
    email: request.email,
    account: request.account,
    password: request.password,
  };
  core.state.users.set(user.userId, user);
  return { user, accessToken: issueAccessToken(core, user) };
}

export function issueAccessToken(core: Core, user: User): string {
  const now = core.clocks.now(user.userId);
  const expiresAt = now + core.config.accessTokenTtlMs;
  const token = newAccessToken(core.signingKey, {
    sub: user.userId,
    aud: user.appId,
    iss: core.config.issuer,
    iat: Math.floor(now / 1000),
    exp: Math.floor(expiresAt / 1000),
  });
  core.state.accessTokens.set(token, { userId: user.userId, expiresAt });
  return token;
}

/** The access token inside an `authorization` header: `Bearer <token>` or the bare token. */
export function tokenFromAuthorization(
  header: string | undefined,
): { token: string; bare: boolean } | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  const bearer = /^bearer\s+(\S+)$/i.exec(value);
  if (bearer) return { token: bearer[1]!, bare: false };
  return /\s/.test(value) ? undefined : { token: value, bare: true };
}

function userOfToken(core: Core, token: string | undefined): User | undefined {
  if (!token) return undefined;
  const record = core.state.accessTokens.get(token);
  if (!record) return undefined;
  if (core.clocks.now(record.userId) >= record.expiresAt) return undefined;
  return core.state.users.get(record.userId);
}

export function authenticate(core: Core, authorization: string | undefined): Outcome<User> {
  const presented = tokenFromAuthorization(authorization);
  const rejectedForm = presented?.bare === true && defect(core, 'reject-bare-token');
  const user = rejectedForm ? undefined : userOfToken(core, presented?.token);
  if (user) return succeed(user);
  if (defect(core, 'skip-access-token-check')) {
    const first = core.state.users.values().next().value;
    if (first) return succeed(first);
  }
  return fail('notLoggedIn');
}

/** An unknown application id is an error; a missing one is tolerated, as the Node SDK may omit it. */
export function checkAppId(core: Core, appId: string | undefined): Outcome<App | undefined> {
  if (!appId) return succeed(undefined);
  const app = core.state.apps.get(appId);
  return app ? succeed(app) : fail('appNotFound');
}

/** The user pool a request counts against for throttling. */
export function userPoolOfRequest(core: Core, authorization: string | undefined, appId: string | undefined) {
  const user = userOfToken(core, tokenFromAuthorization(authorization)?.token);
  return user?.userPoolName ?? (appId ? core.state.apps.get(appId)?.userPoolName : undefined) ?? '';
}

export function signin(core: Core, appId: string | undefined, body: unknown) {
  const checked = checkInput(SigninByPasswordDtoSchema, body);
  if (!checked.ok) return checked;
  const { password, account, email, phone, username } = checked.value.passwordPayload;
  const name = account ?? email ?? phone ?? username;
  const user = [...core.state.users.values()].find(
    (candidate) =>
      candidate.password !== undefined &&
      (!appId || candidate.appId === appId) &&
      name !== undefined &&
      [candidate.account, candidate.email, candidate.phoneNumber].includes(name),
  );
  if (!user || user.password !== password) return fail('wrongCredentials');
  const accessToken = issueAccessToken(core, user);
  return succeed({
    access_token: accessToken,
    id_token: accessToken,
    token_type: 'Bearer',
    expire_in: Math.floor(core.config.accessTokenTtlMs / 1000),
  });
}

// ---- enrollment ------------------------------------------------------------------------------------

function boundConflict(core: Core, user: User, factorType: FactorType): ErrorScenario | undefined {
  if (!core.state.factorsOf(user.userId).has(factorType)) return undefined;
  if (defect(core, 'allow-duplicate-binding')) return undefined;
  return factorType === 'FACE' ? 'faceAlreadyBound' : 'factorAlreadyBound';
}

function hasPhoneOrEmail(core: Core, user: User): boolean {
  const factors = core.state.factorsOf(user.userId);
  return Boolean(user.phoneNumber || user.email || factors.has('SMS') || factors.has('EMAIL'));
}

function resendKey(user: User, channel: 'SMS' | 'EMAIL', address: string): string {
  return `${user.userPoolName}\u0000${channel}\u0000${address.trim().toLowerCase()}`;
}

function resendBlocked(core: Core, key: string): boolean {
  const lock = core.state.resendLocks.get(key);
  if (!lock) return false;
  if (core.clocks.now(lock.userId) - lock.sentAt >= core.config.resendWindowMs) return false;
  return !defect(core, 'no-resend-limit');
}

function otpAccountOf(user: User): string {
  return user.email ?? user.phoneNumber ?? user.account ?? user.userId;
}

/** What the URI shows as the secret; the defect writes characters outside the Base32 alphabet. */
function advertisedSecret(core: Core, secret: string): string {
  return defect(core, 'invalid-base32-secret') ? `${secret.slice(0, -3).toLowerCase()}018` : secret;
}

function advertisedRecoveryCode(core: Core, recoveryCode: string): string {
  return defect(core, 'bad-recovery-code') ? recoveryCode.replaceAll('-', '').toUpperCase() : recoveryCode;
}

export async function sendEnrollFactorRequest(
  core: Core,
  user: User,
  body: unknown,
): Promise<Outcome<SendEnrollFactorRequestDataDto>> {
  const checked = checkInput(SendEnrollFactorRequestDtoSchema, body);
  if (!checked.ok) return checked;
  const { factorType, profile } = checked.value;
  const app = core.state.apps.get(user.appId);
  if (!app?.factorTypes.includes(factorType)) return fail('factorTypeNotEnabled');
  const conflict = boundConflict(core, user, factorType);
  if (conflict) return fail(conflict);
  if (factorType === 'FACE' && !hasPhoneOrEmail(core, user)) return fail('faceNeedsPhoneOrEmail');

  const now = core.clocks.now(user.userId);
  const base = { token: newEnrollmentToken(), userId: user.userId, factorType, issuedAt: now };
  let pending: PendingEnrollment;
  if (isDeliveredCode(factorType)) {
    const channel = factorType;
    const to = (channel === 'SMS' ? profile?.phoneNumber : profile?.email)!.trim();
    const key = resendKey(user, channel, to);
    if (resendBlocked(core, key)) return fail('resendTooSoon');
    const code = newNumericCode(core.config.codeLength);
    const phoneCountryCode = profile?.phoneCountryCode?.trim() || '+86';
    const stored: Record<string, string> =
      channel === 'SMS' ? { phoneNumber: to, phoneCountryCode } : { email: to };
    pending = { ...base, profile: stored, code };
    core.state.resendLocks.set(key, { userId: user.userId, sentAt: now });
    const sentAt = new Date(now).toISOString();
    core.state.record({ userId: user.userId, to, channel, code, sentAt });
    core.deliver({
      channel,
      to,
      code,
      sentAt,
      userPoolName: user.userPoolName,
      ...(channel === 'SMS' ? { phoneCountryCode } : {}),
    });
  } else if (factorType === 'OTP') {
    pending = { ...base, profile: {}, totpSecret: newTotpSecret(), recoveryCode: newRecoveryCode() };
  } else {
    pending = { ...base, profile: {} };
  }
  core.state.addPending(pending);

  if (factorType !== 'OTP' || defect(core, 'omit-otp-data')) {
    return succeed({ enrollmentToken: pending.token });
  }
  const qrCodeUri = otpAuthUri(
    user.userPoolName,
    otpAccountOf(user),
    advertisedSecret(core, pending.totpSecret!),
  );
  return succeed({
    enrollmentToken: pending.token,
    otpData: {
      qrCodeUri,
      qrCodeDataUrl: await qrCodeDataUrl(qrCodeUri),
      recoveryCode: advertisedRecoveryCode(core, pending.recoveryCode!),
    },
  });
}

function findPending(core: Core, token: string): PendingEnrollment | undefined {
  const exact = core.state.pending.get(token);
  if (exact || !defect(core, 'accept-tampered-token') || token.length < 64) return exact;
  const prefix = token.slice(0, 64);
  for (const [candidate, pending] of core.state.pending) if (candidate.startsWith(prefix)) return pending;
  return undefined;
}

/** Whether a pending enrollment is past its TTL on its owner's clock. */
export function isExpired(core: Core, pending: PendingEnrollment): boolean {
  const ttl = core.config.enrollmentTokenTtlMs * (defect(core, 'expire-tokens-early') ? 0.5 : 1);
  const expired = core.clocks.now(pending.userId) >= pending.issuedAt + ttl;
  return expired && !defect(core, 'accept-expired-token');
}

function codeMatches(core: Core, pending: PendingEnrollment, passCode: string): boolean {
  if (passCode === pending.code || defect(core, 'accept-any-passcode')) return true;
  if (!defect(core, 'accept-other-enrollment-code')) return false;
  return core.state
    .pendingOf(pending.userId)
    .some((other) => other.code !== undefined && other.code === passCode);
}

function totpWindow(core: Core): number {
  return defect(core, 'totp-wrong-window') ? DEFECTIVE_TOTP_WINDOW : TOTP_WINDOW;
}

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  return URL.canParse(value);
}

function checkCredential(
  core: Core,
  pending: PendingEnrollment,
  data: { passCode?: string; photo?: string; isExternalPhoto?: boolean },
  ignorePhotoFlag: boolean,
): ErrorScenario | undefined {
  switch (pending.factorType) {
    case 'SMS':
    case 'EMAIL': {
      if (isBlank(data.passCode))
        return defect(core, 'accept-empty-passcode') ? undefined : 'missingPassCode';
      return codeMatches(core, pending, data.passCode!) ? undefined : 'wrongPassCode';
    }
    case 'OTP': {
      if (isBlank(data.passCode)) return 'missingTotp';
      const now = core.clocks.now(pending.userId);
      return verifyTotp(pending.totpSecret!, data.passCode!.trim(), now, totpWindow(core))
        ? undefined
        : 'wrongTotp';
    }
    case 'FACE': {
      if (isBlank(data.photo)) return defect(core, 'face-without-photo') ? undefined : 'facePhotoMissing';
      if (ignorePhotoFlag) return undefined;
      return isHttpUrl(data.photo!.trim()) === (data.isExternalPhoto === true)
        ? undefined
        : 'facePhotoRejected';
    }
  }
}

function withoutPhotoFlag(body: unknown): unknown {
  const data = (body as { enrollmentData?: unknown } | null)?.enrollmentData;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return body;
  const { isExternalPhoto: _ignored, ...rest } = data as Record<string, unknown>;
  return { ...(body as object), enrollmentData: rest };
}

export async function enrollFactor(core: Core, user: User, body: unknown): Promise<Outcome> {
  const ignorePhotoFlag = defect(core, 'ignore-external-photo-flag');
  const checked = checkInput(EnrollFactorDtoSchema, ignorePhotoFlag ? withoutPhotoFlag(body) : body);
  if (!checked.ok) return checked;
  const dto = checked.value;
  const pending = findPending(core, dto.enrollmentToken);
  if (!pending) {
    const spent = core.state.spentTokens.get(dto.enrollmentToken);
    if (spent === 'used') return fail('enrollmentTokenUsed');
    return fail(spent === 'expired' ? 'enrollmentTokenExpired' : 'enrollmentTokenInvalid');
  }
  if (isExpired(core, pending)) {
    core.state.retirePending(pending, 'expired');
    return fail('enrollmentTokenExpired');
  }
  if (pending.userId !== user.userId && !defect(core, 'ignore-token-owner')) {
    return fail('enrollmentTokenMismatch');
  }
  if (pending.factorType !== dto.factorType && !defect(core, 'ignore-factor-type-mismatch')) {
    return fail('enrollmentTokenMismatch');
  }
  const conflict = boundConflict(core, user, pending.factorType);
  if (conflict) return fail(conflict);
  const problem = checkCredential(core, pending, dto.enrollmentData, ignorePhotoFlag);
  if (problem) return fail(problem);

  if (defect(core, 'race-double-enroll')) await new Promise((resolve) => setTimeout(resolve, RACE_GAP_MS));
  if (!defect(core, 'token-reusable') && core.state.pending.has(pending.token)) {
    core.state.retirePending(pending, 'used');
  }
  bind(core, user, pending, dto.enrollmentData.photo);
  return succeed(undefined);
}

function bind(core: Core, user: User, pending: PendingEnrollment, photo: string | undefined): void {
  if (defect(core, 'bind-nothing')) return;
  const factor: BoundFactor = {
    factorId: factorIdOf(user.userId, pending.factorType),
    factorType: pending.factorType,
    profile: pending.profile,
    totpSecret: pending.totpSecret,
    recoveryCode: pending.recoveryCode,
    photo,
  };
  core.state.factorsOf(user.userId).set(pending.factorType, factor);
  if (pending.factorType === 'SMS') user.phoneNumber ??= pending.profile.phoneNumber;
  if (pending.factorType === 'EMAIL') user.email ??= pending.profile.email;
}

// ---- reading and resetting -------------------------------------------------------------------------

function toFactorDto(factor: BoundFactor): FactorDto {
  return { factorId: factor.factorId, factorType: factor.factorType, profile: { ...factor.profile } };
}

export function listEnrolledFactors(core: Core, user: User): Outcome<FactorDto[]> {
  const factors = core.state.factorsOf(user.userId);
  return succeed(
    FACTOR_TYPES.flatMap((type) => (factors.has(type) ? [toFactorDto(factors.get(type)!)] : [])),
  );
}

export function listFactorsToEnroll(core: Core, user: User): Outcome<{ factorType: FactorType }[]> {
  const app = core.state.apps.get(user.appId);
  const factors = core.state.factorsOf(user.userId);
  const keepBound = defect(core, 'still-listed-to-enroll');
  return succeed(
    (app?.factorTypes ?? [])
      .filter((type) => keepBound || !factors.has(type))
      .map((factorType) => ({ factorType })),
  );
}

function ownFactor(core: Core, user: User, factorId: string): BoundFactor | undefined {
  const parsed = parseFactorId(factorId.trim());
  if (!parsed || parsed.userId !== user.userId) return undefined;
  return core.state.factorsOf(user.userId).get(parsed.factorType);
}

export function getFactor(core: Core, user: User, query: unknown): Outcome<FactorDto> {
  const checked = checkInput(GetFactorDtoSchema, query);
  if (!checked.ok) return checked;
  const factor = ownFactor(core, user, checked.value.factorId);
  if (!factor || defect(core, 'get-factor-not-found')) return fail('unknownFactorId');
  return succeed(toFactorDto(factor));
}

export function resetFactor(core: Core, user: User, body: unknown): Outcome {
  const checked = checkInput(ResetFactorDtoSchema, body);
  if (!checked.ok) return checked;
  const factor = ownFactor(core, user, checked.value.factorId);
  if (!factor) return fail('unknownFactorId');
  if (!defect(core, 'reset-keeps-factor')) core.state.factorsOf(user.userId).delete(factor.factorType);
  return succeed(undefined);
}

export function mfaOtpVerify(core: Core, user: User, body: unknown): Outcome<{ verified: boolean }> {
  const totp = (body as { totp?: unknown } | null)?.totp;
  if (totp === undefined || totp === '') {
    return body !== null && typeof body === 'object' && !Array.isArray(body)
      ? fail('missingTotp')
      : fail('wrongType');
  }
  const checked = checkInput(MfaOtpVerifyDtoSchema, body);
  if (!checked.ok) return checked;
  const factor = core.state.factorsOf(user.userId).get('OTP');
  if (!factor?.totpSecret) return fail('otpNotEnrolled');
  const now = core.clocks.now(user.userId);
  return succeed({
    verified: verifyTotp(factor.totpSecret, checked.value.totp.trim(), now, totpWindow(core)),
  });
}

// ---- housekeeping ----------------------------------------------------------------------------------

/** Retires expired pending enrollments and stale resend locks; returns how many enrollments went. */
export function sweep(core: Core): number {
  let swept = 0;
  for (const pending of [...core.state.pending.values()]) {
    if (isExpired(core, pending)) {
      core.state.retirePending(pending, 'expired');
      swept++;
    }
  }
  for (const [key, lock] of core.state.resendLocks) {
    if (core.clocks.now(lock.userId) - lock.sentAt >= core.config.resendWindowMs)
      core.state.resendLocks.delete(key);
  }
  for (const [token, record] of core.state.accessTokens) {
    if (core.clocks.now(record.userId) >= record.expiresAt) core.state.accessTokens.delete(token);
  }
  return swept;
}
