import { EmptySuccessEnvelopeSchema, EnvelopeBaseSchema, successEnvelope } from './envelope';
import { FACTOR_TRAITS, FactorTypeSchema } from './factor-types';
import { limitedString } from './limits';
import { z } from './zod';

/**
 * `FactorProfile`. Loose: the official Node SDK sample sends phone and email together with `SMS`,
 * so a server must tolerate fields it does not use.
 */
export const FactorProfileSchema = z.looseObject({
  phoneNumber: limitedString('phoneNumber').optional(),
  phoneCountryCode: limitedString('phoneCountryCode').optional(),
  email: limitedString('email').optional(),
});
export type FactorProfile = z.infer<typeof FactorProfileSchema>;

/**
 * `SendEnrollFactorRequestDto`. The OpenAPI marks `profile` required, but Guard iOS sends OTP with no
 * profile at all, so it is required only where the factor needs its fields (SMS, EMAIL).
 */
export const SendEnrollFactorRequestDtoSchema = z
  .looseObject({
    factorType: FactorTypeSchema,
    profile: FactorProfileSchema.optional(),
  })
  .superRefine((dto, ctx) => {
    const { recipient } = FACTOR_TRAITS[dto.factorType];
    if (recipient && !dto.profile?.[recipient]) {
      ctx.addIssue({
        code: 'custom',
        path: ['profile', recipient],
        message: `${dto.factorType} needs profile.${recipient}`,
      });
    }
  });
export type SendEnrollFactorRequestDto = z.infer<typeof SendEnrollFactorRequestDtoSchema>;

export const SendEnrollFactorRequestOtpDataDtoSchema = z.looseObject({
  qrCodeUri: z.string().startsWith('otpauth://totp/'),
  qrCodeDataUrl: z.string().startsWith('data:image/png;base64,'),
  recoveryCode: z.string().min(1),
});
export type SendEnrollFactorRequestOtpDataDto = z.infer<typeof SendEnrollFactorRequestOtpDataDtoSchema>;

export const SendEnrollFactorRequestDataDtoSchema = z.looseObject({
  enrollmentToken: z.string().min(1),
  otpData: SendEnrollFactorRequestOtpDataDtoSchema.optional(),
});
export type SendEnrollFactorRequestDataDto = z.infer<typeof SendEnrollFactorRequestDataDtoSchema>;

export const SendEnrollFactorRequestRespDtoSchema = successEnvelope(SendEnrollFactorRequestDataDtoSchema);
export type SendEnrollFactorRequestRespDto = z.infer<typeof SendEnrollFactorRequestRespDtoSchema>;

/** `EnrollFactorEnrollmentDataDto`: no field is required by the schema; which one applies depends on the factor. */
export const EnrollFactorEnrollmentDataDtoSchema = z.looseObject({
  passCode: limitedString('passCode').optional(),
  photo: limitedString('photo').optional(),
  isExternalPhoto: z.boolean().optional(),
});
export type EnrollFactorEnrollmentDataDto = z.infer<typeof EnrollFactorEnrollmentDataDtoSchema>;

export const EnrollFactorDtoSchema = z.looseObject({
  factorType: FactorTypeSchema,
  enrollmentToken: limitedString('enrollmentToken').min(1),
  enrollmentData: EnrollFactorEnrollmentDataDtoSchema,
});
export type EnrollFactorDto = z.infer<typeof EnrollFactorDtoSchema>;

export const EnrollFactorRespDtoSchema = EmptySuccessEnvelopeSchema;
export type EnrollFactorRespDto = z.infer<typeof EnrollFactorRespDtoSchema>;

export const ResetFactorDtoSchema = z.looseObject({ factorId: limitedString('factorId').min(1) });
export type ResetFactorDto = z.infer<typeof ResetFactorDtoSchema>;

export const ResetFactorRespDtoSchema = EmptySuccessEnvelopeSchema;
export type ResetFactorRespDto = z.infer<typeof ResetFactorRespDtoSchema>;

/**
 * `FactorDto`: `profile` is free-form (SMS `{phoneNumber, phoneCountryCode}`, EMAIL `{email}`, `{}` otherwise).
 * A null profile is tolerated. Read by OpenAPI 3.0's letter, `type: object` without `nullable` excludes null,
 * but the generated spec marks nothing nullable anywhere, optional fields included, so it does not decide
 * the question; every official SDK declares the profile free-form (Java `Object`, Go `interface{}`, Python
 * `object`, Node `any`), so an app on an SDK takes a null without a fault, and so does the harness. The mock
 * sends `{}`.
 */
export const FactorDtoSchema = z.looseObject({
  factorId: z.string().min(1),
  factorType: FactorTypeSchema,
  profile: z.record(z.string(), z.unknown()).nullable(),
});
export type FactorDto = z.infer<typeof FactorDtoSchema>;

export const ListEnrolledFactorsRespDtoSchema = successEnvelope(z.array(FactorDtoSchema));
export type ListEnrolledFactorsRespDto = z.infer<typeof ListEnrolledFactorsRespDtoSchema>;

export const GetFactorDtoSchema = z.looseObject({ factorId: limitedString('factorId').min(1) });
export type GetFactorDto = z.infer<typeof GetFactorDtoSchema>;

export const GetFactorRespDtoSchema = successEnvelope(FactorDtoSchema);
export type GetFactorRespDto = z.infer<typeof GetFactorRespDtoSchema>;

export const FactorToEnrollDtoSchema = z.looseObject({ factorType: FactorTypeSchema });
export type FactorToEnrollDto = z.infer<typeof FactorToEnrollDtoSchema>;

export const ListFactorsToEnrollRespDtoSchema = successEnvelope(z.array(FactorToEnrollDtoSchema));
export type ListFactorsToEnrollRespDto = z.infer<typeof ListFactorsToEnrollRespDtoSchema>;

/** `MfaOtpVerityDto` (sic, as the API names it). */
export const MfaOtpVerifyDtoSchema = z.looseObject({ totp: limitedString('passCode') });
export type MfaOtpVerifyDto = z.infer<typeof MfaOtpVerifyDtoSchema>;

export const OtpVerifyRespDataSchema = z.looseObject({ verified: z.boolean() });
export const MfaOtpVerifyRespDtoSchema = successEnvelope(OtpVerifyRespDataSchema);
export type MfaOtpVerifyRespDto = z.infer<typeof MfaOtpVerifyRespDtoSchema>;

/** An empty request (the GET endpoints without parameters). */
export const NoParamsSchema = z.looseObject({});
export type NoParams = z.infer<typeof NoParamsSchema>;

/** `SigninByCredentialsDto` (password connection only): how a real environment's test user obtains a token. */
export const SigninByPasswordDtoSchema = z.looseObject({
  connection: z.literal('PASSWORD'),
  passwordPayload: z.looseObject({
    password: limitedString('password').min(1),
    account: limitedString('signinName').optional(),
    email: limitedString('signinName').optional(),
    phone: limitedString('signinName').optional(),
    username: limitedString('signinName').optional(),
  }),
});
export type SigninByPasswordDto = z.infer<typeof SigninByPasswordDtoSchema>;

export const LoginTokenRespDtoSchema = successEnvelope(
  z.looseObject({
    access_token: z.string().min(1),
    id_token: z.string().optional(),
    refresh_token: z.string().optional(),
    token_type: z.string(),
    expire_in: z.number(),
  }),
);
export type LoginTokenRespDto = z.infer<typeof LoginTokenRespDtoSchema>;

/** The apiCodes of a sign-in that needs MFA (documented): 1635 the user's own MFA, 1636 the application's. */
export const MFA_REQUIRED_API_CODES = [1635, 1636] as const;

/**
 * What a sign-in that needs MFA answers instead of tokens: one of those apiCodes, and the MFA token the next
 * step of the login takes in `data.mfaToken` (as the V2 sign-in hands it out). Its statusCode is not
 * documented (the error-handling page: a statusCode other than 200 may ask for an extra step such as MFA),
 * so any is accepted.
 */
export const MfaRequiredRespSchema = EnvelopeBaseSchema.extend({
  apiCode: z.union(MFA_REQUIRED_API_CODES.map((code) => z.literal(code))),
  data: z.looseObject({ mfaToken: z.string().min(1) }),
});
export type MfaRequiredResp = z.infer<typeof MfaRequiredRespSchema>;
