import { z } from './zod';

/** `statusCode` 200 is the only success; the HTTP status is 200 too, except for throttling (429). */
export const SUCCESS_STATUS_CODE = 200;
/** The success `message` texts of the docs, English first (BEHAVIOUR_DECISIONS.successMessage). */
export const SUCCESS_MESSAGES = ['Operation successful', '操作成功'] as const;

/**
 * A JSON media type, with or without parameters: `application/json`, `application/json; charset=utf-8`,
 * `application/problem+json`. Every answer of the API is JSON and says so; a request body must be too.
 */
export function isJsonContentType(value: string | undefined): boolean {
  return value !== undefined && /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i.test(value);
}

/** Fields every response body carries, success or failure (OpenAPI `*RespDto`). */
export const EnvelopeBaseSchema = z.looseObject({
  statusCode: z.number(),
  message: z.string(),
  apiCode: z.number().optional(),
  requestId: z.string().optional(),
});
export type EnvelopeBase = z.infer<typeof EnvelopeBaseSchema>;

/** A failure: any statusCode but 200; `data` is not part of a failure and is ignored when present. */
export const ErrorEnvelopeSchema = EnvelopeBaseSchema.extend({
  statusCode: z.number().refine((code) => code !== SUCCESS_STATUS_CODE, {
    message: 'an error envelope must not carry statusCode 200',
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;

/** A success envelope whose `data` has the given schema. */
export function successEnvelope<T extends z.ZodType>(data: T) {
  return EnvelopeBaseSchema.extend({ statusCode: z.literal(SUCCESS_STATUS_CODE), data });
}

/** A success envelope of an operation that returns no data (`enroll-factor`, `reset-factor`). */
export const EmptySuccessEnvelopeSchema = EnvelopeBaseSchema.extend({
  statusCode: z.literal(SUCCESS_STATUS_CODE),
  data: z.unknown().optional(),
});
