import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { StatsResponse } from './control-schema';
import {
  ClockQuerySchema,
  ClockRequestSchema,
  ClockResponseSchema,
  CONTROL_PREFIX,
  CONTROL_TOKEN_HEADER,
  CreateUserRequestSchema,
  CreateUserResponseSchema,
  FaultsRequestSchema,
  FaultsResponseSchema,
  HealthResponseSchema,
  OutboxResponseSchema,
  StatsResponseSchema,
} from './control-schema';
import type { DefectId } from './defects';
import { type Core, createUser, sweep } from './enrollment';

export interface ControlPlaneOptions {
  readonly controlToken?: string;
  readonly validateResponses: boolean;
  /** Restores the state a fresh mock starts with (seed users, start-up faults). */
  readonly reset: () => void;
}

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

class ControlError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function parseBody<S extends z.ZodType>(schema: S, request: FastifyRequest): z.infer<S> {
  const raw = typeof request.body === 'string' ? request.body : '';
  let value: unknown = {};
  if (raw.trim()) {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new ControlError(400, '[enroll-factor-harness] control request body is not valid JSON');
    }
  }
  return parseValue(schema, value);
}

function parseValue<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`,
    );
    throw new ControlError(400, `[enroll-factor-harness] invalid control request: ${problems.join('; ')}`);
  }
  return parsed.data;
}

export function stats(core: Core): StatsResponse {
  let boundFactors = 0;
  for (const factors of core.state.factors.values()) boundFactors += factors.size;
  return {
    users: core.state.users.size,
    accessTokens: core.state.accessTokens.size,
    pendingEnrollments: core.state.pending.size,
    spentTokens: core.state.spentTokens.size,
    boundFactors,
    resendLocks: core.state.resendLocks.size,
    outbox: core.state.outbox.length,
  };
}

/**
 * The control plane under `/__mock/`: powers the real API does not give (create users, read sent codes,
 * move a user's clock, switch provider defects). Loopback callers only unless a control token is set.
 */
export function registerControlPlane(app: FastifyInstance, core: Core, options: ControlPlaneOptions): void {
  const guard = (request: FastifyRequest) => {
    if (options.controlToken) {
      const given = request.headers[CONTROL_TOKEN_HEADER];
      if (typeof given !== 'string' || !sameSecret(given, options.controlToken)) {
        throw new ControlError(
          401,
          `[enroll-factor-harness] control plane needs a valid ${CONTROL_TOKEN_HEADER} header`,
        );
      }
      return;
    }
    if (!LOOPBACK_ADDRESSES.has(request.socket.remoteAddress ?? '')) {
      throw new ControlError(
        403,
        '[enroll-factor-harness] control plane answers loopback callers only; set MOCK_CONTROL_TOKEN',
      );
    }
  };

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
        try {
          guard(request);
          const body = handle(request);
          if (options.validateResponses) parseValue(schema, body);
          return reply.code(200).type('application/json; charset=utf-8').send(JSON.stringify(body));
        } catch (error) {
          if (!(error instanceof ControlError)) throw error;
          return reply
            .code(error.statusCode)
            .type('application/json; charset=utf-8')
            .send(JSON.stringify({ statusCode: error.statusCode, message: error.message }));
        }
      },
    });
  };

  route('POST', '/users', CreateUserResponseSchema, (request) => {
    const body = parseBody(CreateUserRequestSchema, request);
    const { user, accessToken } = createUser(core, body);
    return {
      userId: user.userId,
      accessToken,
      appId: user.appId,
      userPoolName: user.userPoolName,
      ...(user.phoneNumber === undefined ? {} : { phoneNumber: user.phoneNumber }),
      ...(user.email === undefined ? {} : { email: user.email }),
    };
  });

  route('GET', '/outbox', OutboxResponseSchema, (request) => {
    const { to } = request.query as { to?: unknown };
    if (to !== undefined && typeof to !== 'string') {
      throw new ControlError(400, '[enroll-factor-harness] outbox takes one ?to=<phone number or email>');
    }
    const wanted = to?.trim().toLowerCase();
    return core.state.outbox
      .filter((entry) => wanted === undefined || entry.to.toLowerCase() === wanted)
      .reverse()
      .map(({ to: recipient, channel, code, sentAt }) => ({ to: recipient, channel, code, sentAt }));
  });

  const userOrThrow = (userId: string) => {
    if (!core.state.users.has(userId)) {
      throw new ControlError(
        404,
        `[enroll-factor-harness] no mock user ${userId}; create one with POST ${CONTROL_PREFIX}/users`,
      );
    }
  };

  route('POST', '/clock', ClockResponseSchema, (request) => {
    const { userId, advanceMs } = parseBody(ClockRequestSchema, request);
    userOrThrow(userId);
    return { userId, now: core.clocks.advance(userId, advanceMs) };
  });

  route('GET', '/clock', ClockResponseSchema, (request) => {
    const { userId } = parseValue(ClockQuerySchema, { ...(request.query as object) });
    userOrThrow(userId);
    return { userId, now: core.clocks.now(userId) };
  });

  route('PUT', '/faults', FaultsResponseSchema, (request) => {
    core.faults.replace(parseBody(FaultsRequestSchema, request).faults as DefectId[]);
    return { faults: core.faults.list() };
  });

  route('GET', '/faults', FaultsResponseSchema, () => ({ faults: core.faults.list() }));

  route('POST', '/reset', HealthResponseSchema, () => {
    options.reset();
    return health(core);
  });

  route('GET', '/health', HealthResponseSchema, () => health(core));

  route('GET', '/stats', StatsResponseSchema, () => stats(core));

  route('POST', '/sweep', StatsResponseSchema, () => {
    const swept = sweep(core);
    return { ...stats(core), swept };
  });
}

function health(core: Core) {
  return {
    status: 'ok' as const,
    faults: core.faults.list(),
    enrollmentTokenTtlMs: core.config.enrollmentTokenTtlMs,
    codeLength: core.config.codeLength,
  };
}
