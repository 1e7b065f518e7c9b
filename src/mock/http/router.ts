import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LatencyRange } from '../../config/parsers';
import { type MockContext, rulesOf } from '../context';
import { authenticate, checkAppId, throttlingOf } from '../core/users';
import type { PoolThrottle } from '../throttle';
import { successAnswer } from './answers';
import { header, readInput } from './body';
import type { Responder } from './respond';
import { API_ROUTES, type ApiRoute } from './routes';

/**
 * Serves the API routes: throttle per user pool → read the input → check the application → authenticate
 * (routes that act for a user) → the rule → the answer. Every failure on the way is a catalog scenario.
 */
export function registerApiRoutes(
  app: FastifyInstance,
  context: MockContext,
  { responder, throttle }: { responder: Responder; throttle: PoolThrottle },
): void {
  const serve = (route: ApiRoute) => async (request: FastifyRequest, reply: FastifyReply) => {
    await networkDelay(context.config.latency);
    const failure = (scenario: Parameters<Responder['failure']>[2], detail?: string) =>
      responder.failure(request, reply, scenario, route.response, detail);
    const appId = header(request, 'x-authing-app-id') ?? header(request, 'x-genauth-app-id');
    const authorization = header(request, 'authorization');
    const rules = rulesOf(context);
    const { pool, perSecond, nowMs } = throttlingOf(context, authorization, appId);
    if (rules.rateLimitEnforced && !throttle.admit(pool, nowMs, perSecond)) {
      // Served-looking, unchecked: what a provider that swallows throttled calls sends back.
      if (!rules.throttledRefused) return responder.answer(request, reply, successAnswer(request.id));
      return failure('throttled');
    }
    const input = readInput(request, rules, context.config.bodyLimitBytes);
    if (!input.ok) return failure(input.scenario, input.detail);
    const knownApp = checkAppId(context, appId);
    if (!knownApp.ok) return failure(knownApp.scenario, knownApp.detail);
    let outcome: Awaited<ReturnType<ApiRoute['handle']>>;
    if (route.access === 'user') {
      // An application the provider ignored (where the rules let it) does not narrow the token either.
      const user = authenticate(context, authorization, knownApp.value?.appId);
      if (!user.ok) return failure(user.scenario, user.detail);
      outcome = await route.handle(context, user.value, input.value);
    } else {
      outcome = await route.handle(context, input.value, appId);
    }
    if (!outcome.ok) return failure(outcome.scenario, outcome.detail);
    const answer = route.answer?.(request.id, outcome.value) ?? successAnswer(request.id, outcome.value);
    return responder.answer(request, reply, answer, route.response);
  };
  for (const route of API_ROUTES) app.route({ method: route.method, url: route.path, handler: serve(route) });
}

/** The time a hosted environment's answer spends on the network: anywhere in the configured range. */
async function networkDelay(latency: LatencyRange | undefined): Promise<void> {
  if (!latency || latency.maxMs === 0) return;
  await sleep(latency.minMs + Math.random() * (latency.maxMs - latency.minMs));
}
