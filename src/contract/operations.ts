import {
  EnrollFactorDtoSchema,
  EnrollFactorRespDtoSchema,
  GetFactorDtoSchema,
  GetFactorRespDtoSchema,
  ListEnrolledFactorsRespDtoSchema,
  ListFactorsToEnrollRespDtoSchema,
  MfaOtpVerifyDtoSchema,
  MfaOtpVerifyRespDtoSchema,
  NoParamsSchema,
  ResetFactorDtoSchema,
  ResetFactorRespDtoSchema,
  SendEnrollFactorRequestDtoSchema,
  SendEnrollFactorRequestRespDtoSchema,
} from './dto';
import type { z } from './zod';

export interface OperationDefinition {
  readonly method: 'GET' | 'POST';
  readonly path: `/api/v3/${string}`;
  /** Where the input travels: a JSON body for POST, the query string for GET. */
  readonly input: 'body' | 'query' | 'none';
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}

/** The seven MFA factor operations of the authentication API (OpenAPI tag `MFA 要素管理`). */
export const OPERATIONS = {
  sendEnrollFactorRequest: {
    method: 'POST',
    path: '/api/v3/send-enroll-factor-request',
    input: 'body',
    request: SendEnrollFactorRequestDtoSchema,
    response: SendEnrollFactorRequestRespDtoSchema,
  },
  enrollFactor: {
    method: 'POST',
    path: '/api/v3/enroll-factor',
    input: 'body',
    request: EnrollFactorDtoSchema,
    response: EnrollFactorRespDtoSchema,
  },
  resetFactor: {
    method: 'POST',
    path: '/api/v3/reset-factor',
    input: 'body',
    request: ResetFactorDtoSchema,
    response: ResetFactorRespDtoSchema,
  },
  listEnrolledFactors: {
    method: 'GET',
    path: '/api/v3/list-enrolled-factors',
    input: 'none',
    request: NoParamsSchema,
    response: ListEnrolledFactorsRespDtoSchema,
  },
  getFactor: {
    method: 'GET',
    path: '/api/v3/get-factor',
    input: 'query',
    request: GetFactorDtoSchema,
    response: GetFactorRespDtoSchema,
  },
  listFactorsToEnroll: {
    method: 'GET',
    path: '/api/v3/list-factors-to-enroll',
    input: 'none',
    request: NoParamsSchema,
    response: ListFactorsToEnrollRespDtoSchema,
  },
  mfaOtpVerify: {
    method: 'POST',
    path: '/api/v3/mfa-totp-verify',
    input: 'body',
    request: MfaOtpVerifyDtoSchema,
    response: MfaOtpVerifyRespDtoSchema,
  },
} as const satisfies Record<string, OperationDefinition>;

export type OperationName = keyof typeof OPERATIONS;
export type OperationRequest<N extends OperationName> = z.input<(typeof OPERATIONS)[N]['request']>;
export type OperationResponse<N extends OperationName> = z.infer<(typeof OPERATIONS)[N]['response']>;
export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

/** `POST /api/v3/signin`, used only to obtain an access token on real environments. */
export const SIGNIN_PATH = '/api/v3/signin';
