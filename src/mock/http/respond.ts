import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ShapeOverrides } from '../../config/mock-values';
import {
  type ErrorScenario,
  OPERATION_NAMES,
  OPERATIONS,
  type OperationName,
  SUCCESS_STATUS_CODE,
} from '../../contract';
import type { z } from '../../contract/zod';
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
import { type AnsweredAs, plantShapeChanges } from './shape-overrides';

const OPERATION_OF_ROUTE = new Map<string, OperationName>(
  OPERATION_NAMES.map((name) => [OPERATIONS[name].path, name]),
);

/** The operation a request reached and which of its answers this is; none for routes that are no operation. */
function answeredAs(
  request: FastifyRequest,
  answer: Answer,
  scenario?: ErrorScenario,
): AnsweredAs | undefined {
  const operation = OPERATION_OF_ROUTE.get(request.routeOptions.url ?? '');
  if (!operation) return undefined;
  if (scenario) return { operation, answer: scenario };
  return answer.body.statusCode === SUCCESS_STATUS_CODE ? { operation, answer: 'success' } : undefined;
}

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
  /** Changes planted in named answers as they leave (a rehearsal aid). */
  shapeOverrides?: ShapeOverrides;
}): Responder {
  const sent = new WeakMap<FastifyRequest, unknown>();
  const deliver = (request: FastifyRequest, reply: FastifyReply, answer: Answer) => {
    sent.set(request, answer.body.statusCode);
    const labelled = options.rules().answersLabelledJson;
    return send(reply, answer, labelled ? undefined : 'text/plain; charset=utf-8');
  };
  const respond = (
    request: FastifyRequest,
    reply: FastifyReply,
    answer: Answer,
    schema: z.ZodType | undefined,
    scenario?: ErrorScenario,
  ) => {
    if (options.validateResponses && schema)
      assertValidAnswer(answer, schema, `${request.method} ${request.routeOptions.url ?? request.url}`);
    const presented = present(answer, options.rules());
    if (!options.shapeOverrides?.length) return deliver(request, reply, presented);
    const as = answeredAs(request, answer, scenario);
    const body = plantShapeChanges(presented.body, as, options.shapeOverrides);
    return deliver(request, reply, { httpStatus: presented.httpStatus, body });
  };
  return {
    answer: (request, reply, answer, schema) => respond(request, reply, answer, schema),
    failure(request, reply, scenario, schema, detail) {
      const rule = CRASH_RULES[scenario];
      if (rule && options.rules()[rule] === false) return this.crash(request, reply, 'Internal server error');
      const answer = errorAnswer(scenario, request.id, options.overrides?.[scenario], detail);
      return respond(request, reply, answer, schema, scenario);
    },
    crash: (request, reply, message) => deliver(request, reply, internalErrorAnswer(request.id, message)),
    statusCodeOf: (request) => sent.get(request),
  };
}
