import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ErrorScenario } from '../../contract';
import type { Rules } from '../rules';
import {
  type Answer,
  type AnswerOverride,
  assertValidAnswer,
  errorAnswer,
  internalErrorAnswer,
  present,
  send,
} from './answers';

/** Which catalog scenarios a provider may crash on instead of answering, and the rule that says it does not. */
const CRASH_RULES: Partial<Record<ErrorScenario, keyof Rules>> = {
  malformedJson: 'malformedJsonAnswered',
  wrongType: 'wrongTypesAnswered',
  fieldTooLong: 'longFieldsAnswered',
};

export interface Responder {
  /** Checks the answer against the contract (unless switched off), presents it per the rules, sends it. */
  answer(request: FastifyRequest, reply: FastifyReply, answer: Answer, schema?: z.ZodType): FastifyReply;
  /**
   * The catalog's answer to a failure scenario, naming `detail` after its message where the entry has one
   * (the missing fields), or the crash the rules call for.
   */
  failure(
    request: FastifyRequest,
    reply: FastifyReply,
    scenario: ErrorScenario,
    schema?: z.ZodType,
    detail?: string,
  ): FastifyReply;
  /** HTTP 500, as sent: a crash the rules call for, or a bug of the mock. */
  crash(request: FastifyRequest, reply: FastifyReply, message: string): FastifyReply;
  /** The `statusCode` of the body sent for a request, for the request log. */
  statusCodeOf(request: FastifyRequest): unknown;
}

export function createResponder(options: {
  rules: () => Rules;
  validateResponses: boolean;
  /** Answers replacing the catalog's (a rehearsal aid). */
  overrides?: Partial<Record<ErrorScenario, AnswerOverride>>;
}): Responder {
  const sent = new WeakMap<FastifyRequest, unknown>();
  const deliver = (request: FastifyRequest, reply: FastifyReply, answer: Answer) => {
    sent.set(request, answer.body.statusCode);
    const labelled = options.rules().answersLabelledJson;
    return send(reply, answer, labelled ? undefined : 'text/plain; charset=utf-8');
  };
  return {
    answer(request, reply, answer, schema) {
      if (options.validateResponses && schema)
        assertValidAnswer(answer, schema, `${request.method} ${request.routeOptions.url ?? request.url}`);
      return deliver(request, reply, present(answer, options.rules()));
    },
    failure(request, reply, scenario, schema, detail) {
      const rule = CRASH_RULES[scenario];
      if (rule && options.rules()[rule] === false) return this.crash(request, reply, 'Internal server error');
      return this.answer(
        request,
        reply,
        errorAnswer(scenario, request.id, options.overrides?.[scenario], detail),
        schema,
      );
    },
    crash: (request, reply, message) => deliver(request, reply, internalErrorAnswer(request.id, message)),
    statusCodeOf: (request) => sent.get(request),
  };
}
