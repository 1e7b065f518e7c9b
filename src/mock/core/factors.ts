import {
  FACTOR_TYPES,
  type FactorDto,
  type FactorType,
  GetFactorDtoSchema,
  MfaOtpVerifyDtoSchema,
  parseFactorId,
  ResetFactorDtoSchema,
} from '../../contract';
import { type MockContext, rulesOf } from '../context';
import type { BoundFactor, User } from '../state';
import { verifyTotp } from '../totp';
import { checkInput, fail, type Outcome, succeed } from './outcome';

/** The rules of reading, resetting and verifying bound factors. */

function toFactorDto(factor: BoundFactor): FactorDto {
  const profile = factor.factorType === 'SMS' || factor.factorType === 'EMAIL' ? { ...factor.profile } : {};
  return { factorId: factor.factorId, factorType: factor.factorType, profile };
}

export function listEnrolledFactors(context: MockContext, user: User): Outcome<FactorDto[]> {
  const factors = context.state.factorsOf(user.userId);
  return succeed(FACTOR_TYPES.flatMap((type) => factors.get(type) ?? []).map(toFactorDto));
}

export function listFactorsToEnroll(context: MockContext, user: User): Outcome<{ factorType: FactorType }[]> {
  const app = context.state.apps.get(user.appId);
  const factors = context.state.factorsOf(user.userId);
  const offered = (type: FactorType) => !rulesOf(context).boundTypesLeftOutOfToEnroll || !factors.has(type);
  return succeed((app?.factorTypes ?? []).filter(offered).map((factorType) => ({ factorType })));
}

function ownFactor(context: MockContext, user: User, factorId: string): BoundFactor | undefined {
  const parsed = parseFactorId(factorId.trim());
  if (!parsed || parsed.userId !== user.userId) return undefined;
  return context.state.factorsOf(user.userId).get(parsed.factorType);
}

export function getFactor(context: MockContext, user: User, query: unknown): Outcome<FactorDto> {
  const checked = checkInput(GetFactorDtoSchema, query);
  if (!checked.ok) return checked;
  const factor = ownFactor(context, user, checked.value.factorId);
  if (!factor || !rulesOf(context).getFactorFindsBound) return fail('unknownFactorId');
  return succeed(toFactorDto(factor));
}

export function resetFactor(context: MockContext, user: User, body: unknown): Outcome {
  const checked = checkInput(ResetFactorDtoSchema, body);
  if (!checked.ok) return checked;
  const factor = ownFactor(context, user, checked.value.factorId);
  if (!factor) return fail('unknownFactorId');
  if (rulesOf(context).resetUnbinds) context.state.factorsOf(user.userId).delete(factor.factorType);
  return succeed(undefined);
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
  const checked = checkInput(MfaOtpVerifyDtoSchema, body);
  if (!checked.ok) return checked;
  const factor = context.state.factorsOf(user.userId).get('OTP');
  if (factor?.factorType !== 'OTP') return fail('otpNotEnrolled');
  const now = context.clocks.now(user.userId);
  const window = rulesOf(context).totpWindow;
  return succeed({ verified: verifyTotp(factor.totpSecret, checked.value.totp.trim(), now, window) });
}
