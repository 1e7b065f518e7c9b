import { z } from 'zod';

export const FACTOR_TYPES = ['OTP', 'SMS', 'EMAIL', 'FACE'] as const;
export const FactorTypeSchema = z.enum(FACTOR_TYPES);
export type FactorType = z.infer<typeof FactorTypeSchema>;

/** The suffix of a factorId: `<userId>|phone` for SMS, not `|sms` (seen in real Android SDK test data). */
export const FACTOR_ID_SUFFIX: Readonly<Record<FactorType, string>> = {
  SMS: 'phone',
  EMAIL: 'email',
  OTP: 'otp',
  FACE: 'face',
};

export function factorIdOf(userId: string, factorType: FactorType): string {
  return `${userId}|${FACTOR_ID_SUFFIX[factorType]}`;
}
