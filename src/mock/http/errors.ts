import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ErrorScenario } from '../../contract';
import { prefixed } from '../../errors';
import { InvalidMockAnswerError } from './answers';
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
  app.setNotFoundHandler((request, reply) => responder.failure(request, reply, 'routeNotFound'));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const scenario = error instanceof InvalidMockAnswerError ? 'internal' : scenarioOfFrameworkError(error);
    if (scenario !== 'internal') return responder.failure(request, reply, scenario);
    logger.error({ reqId: request.id, err: { message: error.message, stack: error.stack } }, 'mock failure');
    const message = error instanceof InvalidMockAnswerError ? error.message : prefixed('mock internal error');
    return responder.crash(request, reply, message);
  });
}

/** Errors Node's HTTP parser raises before a request exists, by code: the status and what went wrong. */
const CLIENT_ERRORS: Readonly<Record<string, readonly [number, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'The request headers are larger than 16 KB'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request did not arrive in time'],
};

/**
 * Requests Node refuses before any route runs (headers over its limit, bytes that are not HTTP, a request
 * that never finishes) get the mock's envelope too, with a `requestId`, instead of Fastify's bare body.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [httpStatus, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'The request is not valid HTTP/1.1'];
  const body = JSON.stringify({ statusCode: httpStatus, message, requestId: randomUUID() });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${httpStatus} ${STATUS_CODES[httpStatus]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
