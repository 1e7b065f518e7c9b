import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from '../../contract/zod';
import { describeIssues, HarnessError } from '../../errors';
import type { MockContext } from '../context';
import {
  ClockQuerySchema,
  ClockRequestSchema,
  ClockResponseSchema,
  CONTROL_PREFIX,
  CreateUserRequestSchema,
  CreateUserResponseSchema,
  DefectsRequestSchema,
  DefectsResponseSchema,
  HealthResponseSchema,
  MAX_CLOCK_AHEAD_MS,
  OutboxResponseSchema,
  type StatsResponse,
  StatsResponseSchema,
} from '../control-api';
import { sweep } from '../core/sweep';
import { createUser, issueAccessToken, seen } from '../core/users';
import { ControlError, type ControlGuardOptions, createControlGuard } from './guard';

export interface ControlPlaneOptions {
  /** Who may call it: the Host values, the control token. */
  readonly access: ControlGuardOptions;
  readonly validateResponses: boolean;
  /** Restores the state a fresh mock starts with (seed users, start-up defects). */
  readonly reset: () => void;
}

function parseValue<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ControlError(
      400,
      `invalid control request: ${describeIssues(parsed.error.issues, 'body').join('; ')}`,
    );
  }
  return parsed.data;
}

function parseBody<S extends z.ZodType>(schema: S, request: FastifyRequest): z.infer<S> {
  const raw = typeof request.body === 'string' ? request.body : '';
  if (!raw.trim()) return parseValue(schema, {});
  try {
    return parseValue(schema, JSON.parse(raw));
  } catch (error) {
    if (error instanceof ControlError) throw error;
    throw new ControlError(400, 'control request body is not valid JSON');
  }
}

export function stats(context: MockContext): StatsResponse {
  const { state } = context;
  let boundFactors = 0;
  for (const factors of state.factors.values()) boundFactors += factors.size;
  return {
    users: state.users.size,
    accessTokens: state.accessTokens.size,
    pendingEnrollments: state.pending.size,
    spentTokens: state.spentTokens.size,
    boundFactors,
    resendLocks: state.resendLocks.size,
    outbox: state.outbox.length,
  };
}

function health(context: MockContext) {
  return {
    status: 'ok' as const,
    defects: context.defects.list(),
    enrollmentTokenTtlMs: context.config.enrollmentTokenTtlMs,
    codeLength: context.config.codeLength,
    bodyLimitBytes: context.config.bodyLimitBytes,
  };
}

/**
 * The control plane under `/__mock/`: powers the real API does not give (create users, read sent codes,
 * move a user's clock, switch provider defects). Who may call it is decided by `guard.ts`.
 */
export function registerControlPlane(
  app: FastifyInstance,
  context: MockContext,
  options: ControlPlaneOptions,
): void {
  const guard = createControlGuard(options.access);

  const route = <S extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    schema: S,
    handle: (request: FastifyRequest) => z.infer<S>,
  ) => {
    app.route({
      method,
      url: `${CONTROL_PREFIX}${path}`,
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const answer = (statusCode: number, body: unknown) =>
          reply.code(statusCode).type('application/json; charset=utf-8').send(JSON.stringify(body));
        try {
          guard(request);
          const body = handle(request);
          if (options.validateResponses) parseValue(schema, body);
          return answer(200, body);
        } catch (error) {
          if (!(error instanceof ControlError)) throw error;
          return answer(error.statusCode, { statusCode: error.statusCode, message: error.message });
        }
      },
    });
  };

  route('POST', '/users', CreateUserResponseSchema, (request) => {
    const { user, accessToken } = createUser(context, parseBody(CreateUserRequestSchema, request), {
      sweepable: true,
    });
    return {
      userId: user.userId,
      accessToken,
      idToken: issueAccessToken(context, user, 'id'),
      mfaToken: issueAccessToken(context, user, 'mfa'),
      appId: user.appId,
      userPoolName: user.userPoolName,
      ...(user.phoneNumber === undefined ? {} : { phoneNumber: user.phoneNumber }),
      ...(user.email === undefined ? {} : { email: user.email }),
    };
  });

  route('GET', '/outbox', OutboxResponseSchema, (request) => {
    const { to } = request.query as { to?: unknown };
    if (to !== undefined && typeof to !== 'string') {
      throw new ControlError(400, 'outbox takes one ?to=<phone number or email>');
    }
    const wanted = to?.trim().toLowerCase();
    return context.state.outbox
      .filter((entry) => wanted === undefined || entry.to.toLowerCase() === wanted)
      .reverse()
      .map(({ to: recipient, channel, code, sentAt }) => ({ to: recipient, channel, code, sentAt }));
  });

  /** The user a control call is about, marked active: a test moving its clock is still using it. */
  const userOrThrow = (userId: string) => {
    const user = context.state.users.get(userId);
    if (!user) {
      throw new ControlError(
        404,
        `no mock user ${userId} (never created, or swept after being idle); create one with POST ${CONTROL_PREFIX}/users`,
      );
    }
    seen(context, user);
  };

  route('POST', '/clock', ClockResponseSchema, (request) => {
    const { userId, advanceMs } = parseBody(ClockRequestSchema, request);
    userOrThrow(userId);
    if (context.clocks.aheadMs(userId) + advanceMs > MAX_CLOCK_AHEAD_MS) {
      throw new ControlError(
        400,
        `invalid control request: the clock of ${userId} would run more than 100 years ahead; ` +
          'create a new user for a fresh clock',
      );
    }
    return { userId, now: context.clocks.advance(userId, advanceMs) };
  });

  route('GET', '/clock', ClockResponseSchema, (request) => {
    const { userId } = parseValue(ClockQuerySchema, { ...(request.query as object) });
    userOrThrow(userId);
    return { userId, now: context.clocks.now(userId) };
  });

  route('PUT', '/defects', DefectsResponseSchema, (request) => {
    const { defects } = parseBody(DefectsRequestSchema, request);
    try {
      context.defects.replace(defects);
    } catch (error) {
      if (error instanceof HarnessError) throw new ControlError(400, error.detail);
      throw error;
    }
    return { defects: context.defects.list() };
  });

  route('GET', '/defects', DefectsResponseSchema, () => ({ defects: context.defects.list() }));

  route('POST', '/reset', HealthResponseSchema, () => {
    options.reset();
    return health(context);
  });

  route('GET', '/health', HealthResponseSchema, () => health(context));

  route('GET', '/stats', StatsResponseSchema, () => stats(context));

  route('POST', '/sweep', StatsResponseSchema, () => {
    const swept = sweep(context);
    return { ...stats(context), swept: swept.enrollments, sweptUsers: swept.users };
  });
}
