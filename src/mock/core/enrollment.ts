import { setTimeout as sleep } from 'node:timers/promises';
import {
  byProof,
  type EnrollFactorDto,
  EnrollFactorDtoSchema,
  type ErrorScenario,
  FACTOR_TRAITS,
  type FactorType,
  factorIdOf,
  RESEND_TOO_SOON,
  type SendEnrollFactorRequestDataDto,
  SendEnrollFactorRequestDtoSchema,
  type SendEnrollFactorRequestOtpDataDto,
  unhandled,
} from '../../contract';
import { type MockContext, rulesOf } from '../context';
import { blankImageDataUrl, fitsQrCode, qrCodeDataUrl } from '../qr';
import { newEnrollmentToken, newNumericCode, newObjectId, newRecoveryCode, newTotpSecret } from '../secrets';
import type { BoundFactor, PendingEnrollment, User } from '../state';
import { otpAuthUri, verifyTotp } from '../totp';
import { checkInput, fail, nonBlank, type Outcome, succeed } from './outcome';

/** The rules of `send-enroll-factor-request` and `enroll-factor`. */

function boundConflict(context: MockContext, user: User, factorType: FactorType): ErrorScenario | undefined {
  if (!rulesOf(context).duplicateBindingRefused) return undefined;
  if (!context.state.factorsOf(user.userId).has(factorType)) return undefined;
  return FACTOR_TRAITS[factorType].alreadyBound;
}

function hasPhoneOrEmail(context: MockContext, user: User): boolean {
  const factors = context.state.factorsOf(user.userId);
  return Boolean(user.phoneNumber || user.email || factors.has('SMS') || factors.has('EMAIL'));
}

function resendKey(user: User, channel: 'SMS' | 'EMAIL', address: string): string {
  return `${user.userPoolName}\u0000${channel}\u0000${address.trim().toLowerCase()}`;
}

function resendBlocked(context: MockContext, key: string): boolean {
  const lock = context.state.resendLocks.get(key);
  if (!lock || !rulesOf(context).resendWindowEnforced) return false;
  return context.clocks.now(lock.userId) - lock.sentAt < context.config.resendWindowMs;
}

function otpAccountOf(user: User): string {
  return user.email ?? user.phoneNumber ?? user.account ?? user.userId;
}

/** Issues a code to a phone number or email: outbox, real channels, resend lock. */
function sendCode(
  context: MockContext,
  user: User,
  channel: 'SMS' | 'EMAIL',
  to: string,
  phoneCountryCode: string | undefined,
): Outcome<string> {
  const key = resendKey(user, channel, to);
  if (resendBlocked(context, key)) return fail(RESEND_TOO_SOON[channel]);
  const now = context.clocks.now(user.userId);
  const code = newNumericCode(rulesOf(context).deliveredCodeLength(context.config.codeLength));
  const sentAt = new Date(now).toISOString();
  context.state.resendLocks.set(key, { userId: user.userId, sentAt: now });
  context.state.record({ userId: user.userId, to, channel, code, sentAt });
  context.deliver({ channel, to, code, sentAt, userPoolName: user.userPoolName, phoneCountryCode });
  return succeed(code);
}

/**
 * What an OTP enrollment shows the user: the `otpauth` URI, its QR code and the recovery code. A URI too long
 * for a QR code (a long email, phone number or pool name) is refused before anything is stored.
 */
async function otpDataFor(
  context: MockContext,
  user: User,
  totpSecret: string,
  recoveryCode: string,
): Promise<Outcome<SendEnrollFactorRequestOtpDataDto>> {
  const rules = rulesOf(context);
  const qrCodeUri = otpAuthUri(
    rules.advertisedIssuer(user.userPoolName),
    otpAccountOf(user),
    rules.advertisedSecret(totpSecret),
  );
  if (!fitsQrCode(qrCodeUri)) return fail('fieldTooLong');
  return succeed({
    qrCodeUri,
    qrCodeDataUrl: rules.qrCodeDrawn ? await qrCodeDataUrl(rules.qrCodeText(qrCodeUri)) : blankImageDataUrl(),
    recoveryCode: rules.advertisedRecoveryCode(recoveryCode),
  });
}

export async function sendEnrollFactorRequest(
  context: MockContext,
  user: User,
  body: unknown,
): Promise<Outcome<SendEnrollFactorRequestDataDto>> {
  const rules = rulesOf(context);
  const checked = checkInput(SendEnrollFactorRequestDtoSchema, body);
  if (!checked.ok) return checked;
  const { factorType, profile } = checked.value;
  if (!rules.otpFaceProfileOptional && !FACTOR_TRAITS[factorType].recipient && !profile) {
    return fail('missingField', 'profile');
  }
  const app = context.state.apps.get(user.appId);
  if (!app?.factorTypes.includes(factorType)) return fail('factorTypeNotEnabled');
  const conflict = boundConflict(context, user, factorType);
  if (conflict) return fail(conflict);
  const needsContact = byProof(factorType, {
    photo: rules.faceNeedsContact,
    totp: false,
    'delivered code': false,
  });
  if (needsContact && !hasPhoneOrEmail(context, user)) {
    return fail('faceNeedsPhoneOrEmail');
  }

  // Called once the token is about to be handed out: its TTL runs from then, not from before the QR code.
  const issued = () => ({
    token: newEnrollmentToken(),
    userId: user.userId,
    issuedAt: context.clocks.now(user.userId),
  });
  let pending: PendingEnrollment;
  let otpData: SendEnrollFactorRequestOtpDataDto | undefined;
  switch (factorType) {
    case 'SMS': {
      const phoneNumber = profile?.phoneNumber?.trim() ?? '';
      const phoneCountryCode = profile?.phoneCountryCode?.trim() || '+86';
      const code = sendCode(context, user, 'SMS', phoneNumber, phoneCountryCode);
      if (!code.ok) return code;
      pending = { ...issued(), factorType, profile: { phoneNumber, phoneCountryCode }, code: code.value };
      break;
    }
    case 'EMAIL': {
      const email = profile?.email?.trim() ?? '';
      const code = sendCode(context, user, 'EMAIL', email, undefined);
      if (!code.ok) return code;
      pending = { ...issued(), factorType, profile: { email }, code: code.value };
      break;
    }
    case 'OTP': {
      const totpSecret = newTotpSecret();
      const recoveryCode = newRecoveryCode();
      if (rules.otpDataSent) {
        const shown = await otpDataFor(context, user, totpSecret, recoveryCode);
        if (!shown.ok) return shown;
        otpData = shown.value;
      }
      pending = { ...issued(), factorType, totpSecret, recoveryCode };
      break;
    }
    case 'FACE':
      pending = { ...issued(), factorType };
      break;
    default:
      return unhandled(factorType);
  }
  // Stored last: every way the request can fail is behind us, so a failure leaves nothing behind.
  context.state.addPending(pending);
  return succeed(otpData ? { enrollmentToken: pending.token, otpData } : { enrollmentToken: pending.token });
}

/** Whether a pending enrollment is past its TTL on its owner's clock. */
export function isExpired(context: MockContext, pending: PendingEnrollment): boolean {
  const ageMs = context.clocks.now(pending.userId) - pending.issuedAt;
  return rulesOf(context).tokenExpired(ageMs, context.config.enrollmentTokenTtlMs);
}

/** What is wrong with the proof of an enrollment, if anything. */
function checkProof(
  context: MockContext,
  pending: PendingEnrollment,
  data: EnrollFactorDto['enrollmentData'],
): ErrorScenario | undefined {
  const rules = rulesOf(context);
  switch (pending.factorType) {
    case 'SMS':
    case 'EMAIL': {
      const passCode = nonBlank(data.passCode);
      if (passCode === undefined) return rules.blankPassCodeRefused ? 'missingPassCode' : undefined;
      const others = () =>
        context.state
          .pendingOf(pending.userId)
          .flatMap((other) => (other.token !== pending.token && 'code' in other ? [other.code] : []));
      if (rules.passCodeMatches(passCode, pending.code, others)) return undefined;
      const revoked = context.state.revokedKey(pending.userId, pending.factorType);
      return !rules.resetRevokesCode && passCode === revoked ? undefined : 'wrongPassCode';
    }
    case 'OTP': {
      const code = nonBlank(data.passCode)?.trim();
      if (code === undefined) return 'missingTotp';
      if (code === pending.recoveryCode) {
        return rules.recoveryCodeRefusedAsPassCode ? 'recoveryCodeAsPassCode' : undefined;
      }
      const now = context.clocks.now(pending.userId);
      if (verifyTotp(pending.totpSecret, code, now, rules.totpWindow)) return undefined;
      const revoked = context.state.revokedKey(pending.userId, 'OTP');
      const revokedProves =
        !rules.resetRevokesTotpSecret &&
        revoked !== undefined &&
        verifyTotp(revoked, code, now, rules.totpWindow);
      return revokedProves ? undefined : 'wrongTotp';
    }
    case 'FACE': {
      // Whether the photo is a URL or an upload key is the server's business: the official example sends
      // the key "132434235ad244" with isExternalPhoto true.
      const photo = nonBlank(data.photo);
      return photo === undefined && rules.facePhotoRequired ? 'facePhotoMissing' : undefined;
    }
    default:
      return unhandled(pending);
  }
}

/** The request with `isExternalPhoto` left out, where the rules say its type is not checked. */
function withoutPhotoFlag(body: unknown): unknown {
  const data = (body as { enrollmentData?: unknown } | null)?.enrollmentData;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return body;
  const { isExternalPhoto: _ignored, ...rest } = data as Record<string, unknown>;
  return { ...(body as object), enrollmentData: rest };
}

export async function enrollFactor(context: MockContext, user: User, body: unknown): Promise<Outcome> {
  const rules = rulesOf(context);
  const checked = checkInput(
    EnrollFactorDtoSchema,
    rules.externalPhotoFlagTypeChecked ? body : withoutPhotoFlag(body),
  );
  if (!checked.ok) return checked;
  const dto = checked.value;
  const pending = rules.findPending(context.state.pending, dto.enrollmentToken);
  if (!pending) {
    const spent = context.state.spentTokens.get(dto.enrollmentToken);
    if (spent === 'used') return fail('enrollmentTokenUsed');
    return fail(spent === 'expired' ? 'enrollmentTokenExpired' : 'enrollmentTokenInvalid');
  }
  if (isExpired(context, pending)) {
    context.state.retirePending(pending, 'expired');
    return fail('enrollmentTokenExpired');
  }
  if (rules.tokenOwnerChecked && pending.userId !== user.userId) return fail('enrollmentTokenMismatch');
  if (rules.tokenFactorTypeChecked && pending.factorType !== dto.factorType) {
    return fail('enrollmentTokenMismatch');
  }
  const conflict = boundConflict(context, user, pending.factorType);
  if (conflict) return fail(conflict);
  const problem = checkProof(context, pending, dto.enrollmentData);
  if (problem) return fail(problem);

  if (rules.consumeDelayMs > 0) await sleep(rules.consumeDelayMs);
  if (rules.consumesToken && context.state.pending.has(pending.token)) {
    context.state.retirePending(pending, 'used');
  }
  if (rules.bindsFactor) bind(context, user, pending, dto.enrollmentData.photo ?? '');
  return succeed(undefined);
}

function boundFactorOf(pending: PendingEnrollment, factorId: string, photo: string): BoundFactor {
  switch (pending.factorType) {
    case 'SMS':
      return { factorId, factorType: 'SMS', profile: pending.profile, code: pending.code };
    case 'EMAIL':
      return { factorId, factorType: 'EMAIL', profile: pending.profile, code: pending.code };
    case 'OTP':
      return {
        factorId,
        factorType: 'OTP',
        totpSecret: pending.totpSecret,
        recoveryCode: pending.recoveryCode,
      };
    case 'FACE':
      return { factorId, factorType: 'FACE', photo };
    default:
      return unhandled(pending);
  }
}

function newFactorId(
  context: MockContext,
  userId: string,
  factorType: PendingEnrollment['factorType'],
): string {
  // Opaque ids keep the real ids' `|`, so a client that mangles it is still caught; the rest names nothing.
  return context.config.factorIds === 'opaque'
    ? `${newObjectId()}|${newObjectId().slice(0, 8)}`
    : factorIdOf(userId, factorType);
}

function bind(context: MockContext, user: User, pending: PendingEnrollment, photo: string): void {
  const factor = boundFactorOf(pending, newFactorId(context, user.userId, pending.factorType), photo);
  context.state.bindFactor(user.userId, factor);
  switch (factor.factorType) {
    case 'SMS':
      user.phoneNumber ??= factor.profile.phoneNumber;
      break;
    case 'EMAIL':
      user.email ??= factor.profile.email;
      break;
    case 'OTP':
    case 'FACE':
      break;
    default:
      unhandled(factor);
  }
  // A seeded user can then sign in with the phone number or email it just bound.
  context.state.indexSigninNames(user);
}
