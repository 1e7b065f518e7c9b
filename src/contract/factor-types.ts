import { z } from './zod';

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

/**
 * How a person proves an enrollment: a code delivered to the profile's phone number or email, a TOTP of the
 * secret the QR image holds, or a face photo.
 */
export type Proof = 'delivered code' | 'totp' | 'photo';

/** What tells the factor types apart, by type: a new type is added here first, and the compiler asks for the rest. */
export interface FactorTraits {
  readonly proof: Proof;
  /** The profile field a code goes to and a bound factor keeps (SMS, EMAIL). */
  readonly recipient?: 'phoneNumber' | 'email';
  /** The channel a code is delivered through (SMS, EMAIL). */
  readonly channel?: 'SMS' | 'EMAIL';
  /** The error catalog scenario answering a second binding of the type. */
  readonly alreadyBound: 'factorAlreadyBound' | 'faceAlreadyBound';
  /** The type with its article, for titles that read as sentences: `an OTP`, `a FACE`. */
  readonly named: string;
}

export const FACTOR_TRAITS: Readonly<Record<FactorType, FactorTraits>> = {
  OTP: { proof: 'totp', alreadyBound: 'factorAlreadyBound', named: 'an OTP' },
  SMS: {
    proof: 'delivered code',
    recipient: 'phoneNumber',
    channel: 'SMS',
    alreadyBound: 'factorAlreadyBound',
    named: 'an SMS',
  },
  EMAIL: {
    proof: 'delivered code',
    recipient: 'email',
    channel: 'EMAIL',
    alreadyBound: 'factorAlreadyBound',
    named: 'an EMAIL',
  },
  FACE: { proof: 'photo', alreadyBound: 'faceAlreadyBound', named: 'a FACE' },
};

/** The value for a factor type's kind of proof: one for each kind, so a new kind makes the compiler ask. */
export function byProof<T>(factorType: FactorType, values: Readonly<Record<Proof, T>>): T {
  return values[FACTOR_TRAITS[factorType].proof];
}

/** Whether the person proves an enrollment of the type with a code they type: a TOTP or a delivered code. */
export function provenByCode(factorType: FactorType): boolean {
  return byProof(factorType, { 'delivered code': true, totp: true, photo: false });
}

/** The factor types proven with a code the person types. */
export const CODE_FACTOR_TYPES = FACTOR_TYPES.filter(provenByCode) as readonly ('OTP' | 'SMS' | 'EMAIL')[];
export type CodeFactorType = (typeof CODE_FACTOR_TYPES)[number];

/** The factor types whose code is delivered to a recipient of the profile. */
export const DELIVERED_CODE_TYPES = FACTOR_TYPES.filter(
  (type) => FACTOR_TRAITS[type].recipient !== undefined,
) as readonly ('SMS' | 'EMAIL')[];
export type DeliveredCodeType = (typeof DELIVERED_CODE_TYPES)[number];

/** The end of a `switch` that handles every case: a value reaching it is one the compiler was not told of. */
export function unhandled(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
