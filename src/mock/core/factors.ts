import {
  FACTOR_TYPES,
  type FactorDto,
  type FactorType,
  GetFactorDtoSchema,
  MfaOtpVerifyDtoSchema,
  ResetFactorDtoSchema,
  unhandled,
} from '../../contract';
import { type MockContext, rulesOf } from '../context';
import type { BoundFactor, User } from '../state';
import { verifyTotp } from '../totp';
import { checkInput, fail, type Outcome, succeed } from './outcome';

/** The rules of reading, resetting and verifying bound factors. */

/** The profile a bound factor keeps: the phone number or email it was enrolled with, none for the others. */
function keptProfile(factor: BoundFactor): FactorDto['profile'] {
  switch (factor.factorType) {
    case 'SMS':
    case 'EMAIL':
      return { ...factor.profile };
    case 'OTP':
    case 'FACE':
      return {};
    default:
      return unhandled(factor);
  }
}

function toFactorDto(context: MockContext, factor: BoundFactor): FactorDto {
  const profile = rulesOf(context).profileKept ? keptProfile(factor) : {};
  return { factorId: factor.factorId, factorType: factor.factorType, profile };
}

export function listEnrolledFactors(context: MockContext, user: User): Outcome<FactorDto[]> {
  const factors = context.state.factorsOf(user.userId);
  const listed = FACTOR_TYPES.flatMap((type) => factors.get(type) ?? []).map((factor) =>
    toFactorDto(context, factor),
  );
  return succeed(rulesOf(context).factorsListedOnce ? listed : [...listed, ...listed]);
}

export function listFactorsToEnroll(context: MockContext, user: User): Outcome<{ factorType: FactorType }[]> {
  const app = context.state.apps.get(user.appId);
  const factors = context.state.factorsOf(user.userId);
  const offered = (type: FactorType) => !rulesOf(context).boundTypesLeftOutOfToEnroll || !factors.has(type);
  return succeed((app?.factorTypes ?? []).filter(offered).map((factorType) => ({ factorType })));
}

/** The factor a factorId names: the caller's own, or anyone's where `ownerChecked` is off. */
function factorNamed(
  context: MockContext,
  user: User,
  factorId: string,
  ownerChecked: boolean,
): { userId: string; factor: BoundFactor } | undefined {
  const found = context.state.factorById(factorId.trim());
  return found && (found.userId === user.userId || !ownerChecked) ? found : undefined;
}

export function getFactor(context: MockContext, user: User, query: unknown): Outcome<FactorDto> {
  const rules = rulesOf(context);
  const checked = checkInput(GetFactorDtoSchema, query);
  if (!checked.ok) return checked;
  const found = factorNamed(context, user, checked.value.factorId, rules.getFactorChecksOwner);
  if (!found || !rules.getFactorFindsBound) return fail('unknownFactorId');
  const answer = toFactorDto(context, found.factor);
  if (rules.getFactorKeepsType) return succeed(answer);
  const otherType = FACTOR_TYPES[(FACTOR_TYPES.indexOf(answer.factorType) + 1) % FACTOR_TYPES.length];
  return succeed({ ...answer, factorType: otherType ?? answer.factorType });
}

export function resetFactor(context: MockContext, user: User, body: unknown): Outcome {
  const rules = rulesOf(context);
  const checked = checkInput(ResetFactorDtoSchema, body);
  if (!checked.ok) return checked;
  const found = factorNamed(context, user, checked.value.factorId, rules.resetChecksOwner);
  if (!found) return fail('unknownFactorId');
  const { factorType } = found.factor;
  if (context.config.refuseResetOf.includes(factorType) || user.refuseResetOf?.includes(factorType)) {
    return fail('factorResetRefused');
  }
  if (!rules.resetUnbinds) return succeed(undefined);
  const owned = FACTOR_TYPES.flatMap((type) => context.state.factorsOf(found.userId).get(type) ?? []);
  const target = rules.resetTarget(found.factor, owned);
  context.state.unbindFactor(found.userId, target);
  const key = keyOf(target);
  if (key !== undefined) context.state.revokeKey(found.userId, target.factorType, key);
  return succeed(undefined);
}

/** What proved a factor, and should prove nothing once it is reset: its TOTP secret or the code that bound it. */
function keyOf(factor: BoundFactor): string | undefined {
  switch (factor.factorType) {
    case 'OTP':
      return factor.totpSecret;
    case 'SMS':
    case 'EMAIL':
      return factor.code;
    case 'FACE':
      return undefined;
    default:
      return unhandled(factor);
  }
}

export function mfaOtpVerify(
  context: MockContext,
  user: User,
  body: unknown,
): Outcome<{ verified: boolean }> {
  const totp = (body as { totp?: unknown } | null)?.totp;
  if (totp === undefined || totp === '') {
    return body !== null && typeof body === 'object' && !Array.isArray(body)
      ? fail('missingTotp')
      : fail('wrongType');
  }
  const rules = rulesOf(context);
  const checked = checkInput(MfaOtpVerifyDtoSchema, body);
  if (!checked.ok) return checked;
  const factor = context.state.boundOfType(user.userId, 'OTP');
  if (!factor) return rules.totpVerifyNeedsFactor ? fail('otpNotEnrolled') : succeed({ verified: false });
  if (!rules.totpVerifyChecksCode) return succeed({ verified: true });
  const code = checked.value.totp.trim();
  if (code === factor.recoveryCode) return succeed({ verified: !rules.recoveryCodeRefusedAsPassCode });
  const now = context.clocks.now(user.userId);
  return succeed({ verified: verifyTotp(factor.totpSecret, code, now, rules.totpWindow) });
}
