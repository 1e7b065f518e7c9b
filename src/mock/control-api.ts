import { FactorTypeSchema, limitedString } from '../contract';
import { z } from '../contract/zod';
import { DEFECT_IDS, type DefectId } from './defects';

/** DTOs of the mock's control plane under `/__mock/`: shared by the mock and the environments that drive it. */
export const CONTROL_PREFIX = '/__mock';
export const CONTROL_TOKEN_HEADER = 'x-mock-control-token';

export const DefectIdSchema = z.enum(DEFECT_IDS as [DefectId, ...DefectId[]]);

export const CreateUserRequestSchema = z
  .strictObject({
    /** Factor types the user's application enables. Default: all four. */
    factorTypes: z.array(FactorTypeSchema).optional(),
    phoneNumber: limitedString('phoneNumber').optional(),
    email: limitedString('email').optional(),
    /** Issuer of the user's TOTP URIs. Default `GenAuthMock`. */
    userPoolName: limitedString('userPoolName').min(1).optional(),
    /**
     * A rate limit of its own for the user's pool (requests per second), e.g. to provoke throttling. Only
     * with `userPoolName`: without it the user joins the default pool, shared with every other such user.
     */
    rateLimitPerSecond: z.number().int().positive().optional(),
    /** Factor types reset-factor refuses to unbind for this user (`factorResetRefused`). Default none. */
    refuseResetOf: z.array(FactorTypeSchema).optional(),
    /** A sign-in name and password, for `POST /api/v3/signin`. */
    account: limitedString('signinName').min(1).optional(),
    password: limitedString('password').min(1).optional(),
    /** The sign-in asks for MFA: it answers apiCode 1636 and an MFA token instead of tokens. Default false. */
    signInNeedsMfa: z.boolean().optional(),
  })
  .refine((request) => request.rateLimitPerSecond === undefined || request.userPoolName !== undefined, {
    path: ['rateLimitPerSecond'],
    error:
      "sets the limit of the user's pool, which without userPoolName is the default pool shared by every " +
      'user created without one; name a pool of its own with userPoolName',
  })
  .refine((request) => !request.signInNeedsMfa || (request.account && request.password), {
    path: ['signInNeedsMfa'],
    error: 'is about signing in: give the user an account and password too',
  });
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const CreateUserResponseSchema = z.object({
  userId: z.string(),
  accessToken: z.string(),
  /** The id_token a sign-in would hand out beside the access token. */
  idToken: z.string(),
  /** The MFA token a sign-in that needs MFA would hand out instead of an access token. */
  mfaToken: z.string(),
  appId: z.string(),
  userPoolName: z.string(),
  phoneNumber: z.string().optional(),
  email: z.string().optional(),
});
export type CreateUserResponse = z.infer<typeof CreateUserResponseSchema>;

export const OutboxEntrySchema = z.object({
  to: z.string(),
  channel: z.enum(['SMS', 'EMAIL']),
  code: z.string(),
  /** ISO 8601, in the recipient user's virtual time. */
  sentAt: z.string(),
});
export const OutboxResponseSchema = z.array(OutboxEntrySchema);

/**
 * How far a user's clock may run ahead of real time: far beyond any TTL a test moves past, and far inside
 * the range of a JavaScript Date (±8.64e15 ms), so every time the mock formats stays valid.
 */
export const MAX_CLOCK_AHEAD_MS = 100 * 365 * 24 * 60 * 60 * 1000;

export const ClockRequestSchema = z.strictObject({
  userId: z.string().min(1),
  advanceMs: z
    .number()
    .int()
    .nonnegative()
    .max(MAX_CLOCK_AHEAD_MS, { error: `must be at most ${MAX_CLOCK_AHEAD_MS} (100 years)` }),
});
export const ClockResponseSchema = z.object({ userId: z.string(), now: z.number() });

export const DefectsRequestSchema = z.strictObject({ defects: z.array(DefectIdSchema) });
export const DefectsResponseSchema = z.object({ defects: z.array(DefectIdSchema) });

export const HealthResponseSchema = z.object({
  status: z.literal('ok'),
  defects: z.array(DefectIdSchema),
  enrollmentTokenTtlMs: z.number(),
  codeLength: z.number(),
  /** The largest request body the API serves. */
  bodyLimitBytes: z.number(),
});

/** `GET /__mock/clock?userId=`: the user's current virtual time. */
export const ClockQuerySchema = z.strictObject({ userId: z.string().min(1) });

/** `GET /__mock/stats` and `POST /__mock/sweep`: sizes of the mock's state, to prove memory stays bounded. */
export const StatsResponseSchema = z.object({
  users: z.number(),
  accessTokens: z.number(),
  pendingEnrollments: z.number(),
  spentTokens: z.number(),
  boundFactors: z.number(),
  resendLocks: z.number(),
  outbox: z.number(),
  /** Pending enrollments the last sweep retired (only on `POST /__mock/sweep`). */
  swept: z.number().optional(),
  /** Idle users created through the control plane that the sweep forgot (only on `POST /__mock/sweep`). */
  sweptUsers: z.number().optional(),
});
export type StatsResponse = z.infer<typeof StatsResponseSchema>;
