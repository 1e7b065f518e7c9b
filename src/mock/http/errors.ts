import type { FastifyError, FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ErrorScenario } from '../../contract';
import { prefixed } from '../../errors';
import { errorAnswer, InvalidMockAnswerError } from './answers';
import type { Responder } from './respond';

/** The catalog scenario of an error Fastify raised before a route ran, or `internal` for a bug. */
export function scenarioOfFrameworkError(error: FastifyError): ErrorScenario | 'internal' {
  if (error.code === 'FST_ERR_BAD_URL') return 'routeNotFound';
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) return 'payloadTooLarge';
  if (error.code?.startsWith('FST_ERR_CTP_')) return 'malformedJson';
  return error.statusCode !== undefined && error.statusCode < 500 ? 'wrongType' : 'internal';
}

/**
 * Unknown routes and errors thrown outside a rule get a catalog envelope too. Only a bug of the mock answers
 * HTTP 500, logged with its stack, and says so.
 */
export function registerErrorHandlers(app: FastifyInstance, responder: Responder, logger: Logger): void {
  app.setNotFoundHandler((request, reply) =>
    responder.answer(request, reply, errorAnswer('routeNotFound', request.id)),
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const scenario = error instanceof InvalidMockAnswerError ? 'internal' : scenarioOfFrameworkError(error);
    if (scenario !== 'internal') return responder.answer(request, reply, errorAnswer(scenario, request.id));
    logger.error({ reqId: request.id, err: { message: error.message, stack: error.stack } }, 'mock failure');
    const message = error instanceof InvalidMockAnswerError ? error.message : prefixed('mock internal error');
    return responder.crash(request, reply, message);
  });
}
