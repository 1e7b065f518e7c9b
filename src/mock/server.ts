import { randomBytes, randomUUID } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  type ErrorScenario,
  LoginTokenRespDtoSchema,
  OPERATIONS,
  type OperationName,
  SIGNIN_PATH,
} from '../contract';
import { VirtualClocks } from './clock';
import { isLoopbackHost, registerControlPlane } from './control';
import type { DefectId } from './defects';
import { createDeliverer } from './delivery';
import * as core from './enrollment';
import {
  type Answer,
  applyEnvelopeDefects,
  assertValidAnswer,
  errorAnswer,
  InvalidMockAnswerError,
  successAnswer,
} from './envelope';
import { FaultSet, parseFaults } from './faults';
import { createLogger } from './logging';
import { type MockOptions, resolveMockOptions } from './options';
import { MockState, type User } from './state';
import { PoolThrottle } from './throttle';

export type { MockOptions } from './options';

export interface SeededUserInfo {
  readonly account: string;
  readonly userId: string;
  readonly appId: string;
  readonly userPoolName: string;
}

export interface RunningMock {
  /** Base URL, e.g. `http://127.0.0.1:4010`: the `appHost` of an SDK, the `GENAUTH_BASE_URL` of the suites. */
  readonly url: string;
  readonly port: number;
  /** The users created from `seedUsers` (no secrets). */
  readonly seededUsers: readonly SeededUserInfo[];
  /** Stops listening, finishes deliveries in flight, stops the sweeper. Idempotent. */
  close(): Promise<void>;
}

type Handler = (
  user: User | undefined,
  input: unknown,
  appId: string | undefined,
) => Promise<core.Outcome<unknown>> | core.Outcome<unknown>;

interface ApiRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly label: string;
  readonly response: z.ZodType;
  readonly needsUser: boolean;
  readonly handle: Handler;
}

const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]*\+)?json(?:\s*;.*)?$/i;

const ERRORS_BY_SCENARIO_DEFECT: Partial<Record<ErrorScenario, DefectId>> = {
  malformedJson: 'http-500-on-malformed-json',
  wrongType: 'http-500-on-wrong-types',
};

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The JSON body of a POST: content type checked, parse errors mapped to catalog scenarios. */
function readJsonBody(
  request: FastifyRequest,
): { ok: true; value: unknown } | { ok: false; scenario: ErrorScenario } {
  const raw = typeof request.body === 'string' ? request.body : undefined;
  const contentType = request.headers['content-type'];
  if (raw === undefined || raw.trim() === '') {
    if (contentType && !JSON_CONTENT_TYPE.test(contentType))
      return { ok: false, scenario: 'unsupportedContentType' };
    return { ok: true, value: {} };
  }
  if (!contentType || !JSON_CONTENT_TYPE.test(contentType))
    return { ok: false, scenario: 'unsupportedContentType' };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, scenario: 'malformedJson' };
  }
}

/**
 * Starts the embedded GenAuth MFA simulator: the seven V3 factor endpoints, `POST /api/v3/signin` for
 * seeded users, and (unless `control: false`) the control plane under `/__mock/`.
 */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const resolved = resolveMockOptions(options);
  if (resolved.control && !resolved.controlToken && !isLoopbackHost(resolved.host)) {
    throw new Error(
      `[enroll-factor-harness] refusing to expose the mock control plane on ${resolved.host} without a token. ` +
        'Set MOCK_CONTROL_TOKEN (or the controlToken option), bind to 127.0.0.1, or pass --no-control.',
    );
  }
  const logger = createLogger(resolved.logLevel, resolved.logDestination);
  const startupFaults = parseFaults(resolved.faults);
  const deliverer = createDeliverer({
    smtpUrl: resolved.smtpUrl,
    smtpFrom: resolved.smtpFrom,
    smsWebhookUrl: resolved.smsWebhookUrl,
    logger,
  });
  const context: core.Core = {
    state: new MockState(),
    clocks: new VirtualClocks(),
    faults: new FaultSet(startupFaults),
    config: {
      codeLength: resolved.codeLength,
      enrollmentTokenTtlMs: resolved.enrollmentTokenTtlSeconds * 1000,
      accessTokenTtlMs: resolved.accessTokenTtlSeconds * 1000,
      resendWindowMs: resolved.resendWindowSeconds * 1000,
      defaultUserPoolName: resolved.defaultUserPoolName,
      issuer: 'genauth-mock',
    },
    signingKey: randomBytes(32),
    deliver: (delivery) => deliverer.deliver(delivery),
  };
  const throttle = new PoolThrottle(resolved.rateLimitPerSecond);
  let seededUsers: SeededUserInfo[] = [];
  const seed = () => {
    seededUsers = resolved.seedUsers.map((seedUser) => {
      const { user } = core.createUser(context, seedUser);
      return {
        account: seedUser.account,
        userId: user.userId,
        appId: user.appId,
        userPoolName: user.userPoolName,
      };
    });
  };
  seed();

  const app = Fastify({
    logger: false,
    bodyLimit: resolved.bodyLimitBytes,
    genReqId: () => randomUUID(),
    return503OnClosing: false,
    frameworkErrors: (error, request, reply) => {
      sendAnswer(
        request,
        reply,
        errorAnswer(error.code === 'FST_ERR_BAD_URL' ? 'routeNotFound' : 'wrongType', request.id),
        'framework',
      );
    },
  });
  const apiStatus = new WeakMap<FastifyRequest, unknown>();

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  function sendAnswer(
    request: FastifyRequest,
    reply: FastifyReply,
    answer: Answer,
    label: string,
    schema?: z.ZodType,
  ) {
    if (resolved.validateResponses && schema) assertValidAnswer(answer, schema, label);
    const presented = applyEnvelopeDefects(answer, context.faults);
    apiStatus.set(request, presented.body.statusCode);
    return reply
      .code(presented.httpStatus)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(presented.body));
  }

  function sendScenario(
    request: FastifyRequest,
    reply: FastifyReply,
    scenario: ErrorScenario,
    route: ApiRoute,
  ) {
    const crash = ERRORS_BY_SCENARIO_DEFECT[scenario];
    if (crash && context.faults.has(crash)) {
      apiStatus.set(request, 500);
      return reply
        .code(500)
        .type('application/json; charset=utf-8')
        .send(
          JSON.stringify({
            statusCode: 500,
            error: 'Internal Server Error',
            message: 'Internal server error',
          }),
        );
    }
    return sendAnswer(request, reply, errorAnswer(scenario, request.id), route.label, route.response);
  }

  const serve = (route: ApiRoute) => async (request: FastifyRequest, reply: FastifyReply) => {
    const appId = header(request, 'x-authing-app-id') ?? header(request, 'x-genauth-app-id');
    const authorization = header(request, 'authorization');
    if (!throttle.admit(core.userPoolOfRequest(context, authorization, appId))) {
      return sendScenario(request, reply, 'throttled', route);
    }
    let input: unknown;
    if (route.method === 'POST') {
      const body = readJsonBody(request);
      if (!body.ok) return sendScenario(request, reply, body.scenario, route);
      input = body.value;
    } else {
      input = { ...(request.query as object) };
    }
    const knownApp = core.checkAppId(context, appId);
    if (!knownApp.ok) return sendScenario(request, reply, knownApp.scenario, route);
    let user: User | undefined;
    if (route.needsUser) {
      const auth = core.authenticate(context, authorization);
      if (!auth.ok) return sendScenario(request, reply, auth.scenario, route);
      user = auth.data;
    }
    const outcome = await route.handle(user, input, appId);
    if (!outcome.ok) return sendScenario(request, reply, outcome.scenario, route);
    return sendAnswer(request, reply, successAnswer(request.id, outcome.data), route.label, route.response);
  };

  const handlers: Record<OperationName, Handler> = {
    sendEnrollFactorRequest: (user, input) => core.sendEnrollFactorRequest(context, user!, input),
    enrollFactor: (user, input) => core.enrollFactor(context, user!, input),
    resetFactor: (user, input) => core.resetFactor(context, user!, input),
    listEnrolledFactors: (user) => core.listEnrolledFactors(context, user!),
    getFactor: (user, input) => core.getFactor(context, user!, input),
    listFactorsToEnroll: (user) => core.listFactorsToEnroll(context, user!),
    mfaOtpVerify: (user, input) => core.mfaOtpVerify(context, user!, input),
  };
  const routes: ApiRoute[] = [
    ...(Object.keys(OPERATIONS) as OperationName[]).map((name) => {
      const operation = OPERATIONS[name];
      return {
        method: operation.method,
        path: operation.path,
        label: `${operation.method} ${operation.path}`,
        response: operation.response,
        needsUser: true,
        handle: handlers[name],
      };
    }),
    {
      method: 'POST',
      path: SIGNIN_PATH,
      label: `POST ${SIGNIN_PATH}`,
      response: LoginTokenRespDtoSchema,
      needsUser: false,
      handle: (_user, input, appId) => core.signin(context, appId, input),
    },
  ];
  for (const route of routes) app.route({ method: route.method, url: route.path, handler: serve(route) });

  if (resolved.control) {
    registerControlPlane(app, context, {
      controlToken: resolved.controlToken,
      validateResponses: resolved.validateResponses,
      reset: () => {
        context.state.clear();
        context.clocks.clear();
        context.faults.replace(startupFaults);
        throttle.clear();
        seed();
      },
    });
  }

  app.setNotFoundHandler((request, reply) =>
    sendAnswer(request, reply, errorAnswer('routeNotFound', request.id), 'not found'),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof InvalidMockAnswerError) {
      logger.error({ reqId: request.id, err: { message: error.message } }, 'invalid mock answer');
      return reply
        .code(500)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify({ statusCode: 500, message: error.message, requestId: request.id }));
    }
    const scenario: ErrorScenario | 'internal' =
      error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413
        ? 'payloadTooLarge'
        : error.code?.startsWith('FST_ERR_CTP_')
          ? 'malformedJson'
          : error.statusCode !== undefined && error.statusCode < 500
            ? 'wrongType'
            : 'internal';
    if (scenario !== 'internal')
      return sendAnswer(request, reply, errorAnswer(scenario, request.id), 'error');
    logger.error({ reqId: request.id, err: { message: error.message, stack: error.stack } }, 'mock failure');
    return reply
      .code(500)
      .type('application/json; charset=utf-8')
      .send(
        JSON.stringify({
          statusCode: 500,
          message: '[enroll-factor-harness] mock internal error',
          requestId: request.id,
        }),
      );
  });

  app.addHook('onResponse', async (request, reply) => {
    logger.info(
      {
        reqId: request.id,
        req: { method: request.method, url: request.url, headers: request.headers },
        route: request.routeOptions.url ?? request.url.split('?')[0],
        httpStatus: reply.statusCode,
        statusCode: apiStatus.get(request),
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  const sweeper = setInterval(() => core.sweep(context), resolved.sweepIntervalMs);
  sweeper.unref();

  await app.listen({ port: resolved.port, host: resolved.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : resolved.port;
  const hostForUrl = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  const displayHost = hostForUrl === '0.0.0.0' || hostForUrl === '[::]' ? '127.0.0.1' : hostForUrl;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${displayHost}:${port}`,
    port,
    get seededUsers() {
      return seededUsers;
    },
    close() {
      closing ??= (async () => {
        clearInterval(sweeper);
        await app.close();
        await deliverer.close();
        logger.flush?.();
      })();
      return closing;
    },
  };
}
