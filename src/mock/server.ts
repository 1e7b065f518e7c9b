import { randomBytes, randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { HarnessError } from '../errors';
import { VirtualClocks } from './clock';
import { type MockContext, rulesOf } from './context';
import { asHostName, isLoopbackHost, isWildcardHost } from './control/guard';
import { registerControlPlane } from './control/plane';
import { sweep } from './core/sweep';
import { createUser } from './core/users';
import { DefectSet } from './defect-set';
import { createDeliverer } from './delivery';
import { answerClientError, registerErrorHandlers, scenarioOfFrameworkError } from './http/errors';
import { createResponder } from './http/respond';
import { registerApiRoutes } from './http/router';
import { createLogger } from './logging';
import { type MockOptions, resolveMockOptions } from './options';
import { MockState } from './state';
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

/**
 * Starts the embedded GenAuth MFA simulator: the seven V3 factor endpoints, `POST /api/v3/signin` for
 * seeded users, and (unless `control: false`) the control plane under `/__mock/`. This is its lifecycle;
 * the rules are in `core/`, the HTTP stages in `http/`, the control plane in `control/`.
 */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const resolved = resolveMockOptions(options);
  if (resolved.control && !resolved.controlToken && !isLoopbackHost(resolved.host)) {
    throw new HarnessError(
      `refusing to expose the mock control plane on ${resolved.host} without a token. ` +
        'Set MOCK_CONTROL_TOKEN (or the controlToken option), bind to 127.0.0.1, or pass --no-control.',
    );
  }
  const logger = createLogger(resolved.logLevel, resolved.logDestination);
  const deliverer = createDeliverer({
    smtpUrl: resolved.smtpUrl,
    smtpFrom: resolved.smtpFrom,
    smsWebhookUrl: resolved.smsWebhookUrl,
    logger,
  });
  const context: MockContext = {
    state: new MockState(),
    clocks: new VirtualClocks(),
    defects: new DefectSet(resolved.defects),
    config: {
      codeLength: resolved.codeLength,
      enrollmentTokenTtlMs: resolved.enrollmentTokenTtlSeconds * 1000,
      accessTokenTtlMs: resolved.accessTokenTtlSeconds * 1000,
      resendWindowMs: resolved.resendWindowSeconds * 1000,
      defaultUserPoolName: resolved.defaultUserPoolName,
      userIdleMs: resolved.userIdleSeconds * 1000,
      issuer: 'genauth-mock',
      factorIds: resolved.factorIds,
      rateLimitPerSecond: resolved.rateLimitPerSecond,
      bodyLimitBytes: resolved.bodyLimitBytes,
      latency: resolved.latency,
      refuseResetOf: resolved.refuseResetOf,
    },
    signingKey: randomBytes(32),
    deliver: (delivery) => deliverer.deliver(delivery),
  };
  const throttle = new PoolThrottle();
  let seededUsers: SeededUserInfo[] = [];
  const seed = () => {
    seededUsers = resolved.seedUsers.map((seedUser) => {
      const { user } = createUser(context, seedUser, { sweepable: false });
      return {
        account: seedUser.account,
        userId: user.userId,
        appId: user.appId,
        userPoolName: user.userPoolName,
      };
    });
  };
  seed();

  const responder = createResponder({
    rules: () => rulesOf(context),
    validateResponses: resolved.validateResponses,
    overrides: resolved.catalogOverrides,
    shapeOverrides: resolved.shapeOverrides,
  });
  const app = Fastify({
    logger: false,
    // The stated limit is checked by the rules (http/body.ts); this cap only keeps memory bounded.
    bodyLimit: Math.max(resolved.bodyLimitBytes * 16, 1024 * 1024),
    genReqId: () => randomUUID(),
    return503OnClosing: false,
    clientErrorHandler: answerClientError,
    // A request without Host is answered like any other (the control plane refuses it), not with a bare 400.
    http: { requireHostHeader: false },
    frameworkErrors: (error, request, reply) => {
      const scenario = scenarioOfFrameworkError(error);
      responder.failure(request, reply, scenario === 'internal' ? 'wrongType' : scenario);
    },
  });
  const listeningPort = () => {
    const address = app.server.address();
    return typeof address === 'object' && address ? address.port : resolved.port;
  };
  // Bodies arrive as text whatever their content type: reading them is a stage of the mock (http/body.ts).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  registerApiRoutes(app, context, { responder, throttle });
  if (resolved.control) {
    registerControlPlane(app, context, {
      access: {
        host: resolved.host,
        port: listeningPort,
        extraHosts: resolved.controlHosts,
        controlToken: resolved.controlToken,
      },
      validateResponses: resolved.validateResponses,
      reset: () => {
        context.state.clear();
        context.clocks.clear();
        context.defects.replace(resolved.defects);
        throttle.clear();
        seed();
      },
    });
  }
  registerErrorHandlers(app, responder, logger);

  app.addHook('onResponse', async (request, reply) => {
    logger.info(
      {
        reqId: request.id,
        req: { method: request.method, url: request.url, headers: request.headers },
        route: request.routeOptions.url ?? request.url.split('?')[0],
        httpStatus: reply.statusCode,
        statusCode: responder.statusCodeOf(request),
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  const sweeper = setInterval(() => sweep(context), resolved.sweepIntervalMs);
  sweeper.unref();

  await app.listen({ port: resolved.port, host: resolved.host });
  const port = listeningPort();
  const displayHost = isWildcardHost(resolved.host) ? '127.0.0.1' : asHostName(resolved.host);
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
