import type { FastifyReply } from 'fastify';
import {
  type CatalogEntry,
  catalogMessage,
  ERROR_CATALOG,
  ErrorEnvelopeSchema,
  type ErrorScenario,
  SUCCESS_MESSAGES,
  SUCCESS_STATUS_CODE,
} from '../../contract';
import type { z } from '../../contract/zod';
import { describeIssues, HarnessError } from '../../errors';
import type { Rules } from '../rules';

/** What the mock sends: an HTTP status and a JSON body. */
export interface Answer {
  readonly httpStatus: number;
  readonly body: Record<string, unknown>;
}

export function successAnswer(requestId: string, data?: unknown): Answer {
  const body: Record<string, unknown> = {
    statusCode: SUCCESS_STATUS_CODE,
    message: SUCCESS_MESSAGES[0],
    requestId,
  };
  if (data !== undefined) body.data = data;
  return { httpStatus: 200, body };
}

/**
 * A sign-in that asks for MFA: apiCode 1636 (the application's MFA, documented) and the MFA token. Its
 * statusCode is not documented; 401 (not logged in yet) keeps it from reading as a success.
 */
export function mfaRequiredAnswer(requestId: string, mfaToken: string): Answer {
  return {
    httpStatus: 200,
    body: {
      statusCode: 401,
      message: 'MFA is required to sign in',
      apiCode: 1636,
      requestId,
      data: { mfaToken },
    },
  };
}

/** Fields of a catalog answer the mock was told to answer differently (a rehearsal aid). */
export type AnswerOverride = Partial<Pick<CatalogEntry, 'httpStatus' | 'statusCode' | 'apiCode' | 'message'>>;

/**
 * The error catalog's answer to `scenario`, its message naming `detail` where the entry has one
 * (`catalogMessage`), with `override` in place of the catalog's fields it names.
 */
export function errorAnswer(
  scenario: ErrorScenario,
  requestId: string,
  override: AnswerOverride = {},
  detail?: string,
): Answer {
  const entry: CatalogEntry = {
    ...ERROR_CATALOG[scenario],
    message: catalogMessage(scenario, detail),
    ...override,
  };
  const body: Record<string, unknown> = { statusCode: entry.statusCode, message: entry.message };
  if (entry.apiCode !== undefined) body.apiCode = entry.apiCode;
  body.requestId = requestId;
  return { httpStatus: entry.httpStatus, body };
}

/** HTTP 500: a crash the rules call for, or a bug of the mock itself. The one body every 500 has. */
export function internalErrorAnswer(requestId: string, message: string): Answer {
  return {
    httpStatus: 500,
    body: { statusCode: 500, error: 'Internal Server Error', message, requestId },
  };
}

/** An answer the mock built against the contract: a bug of the mock, reported loudly instead of sent. */
export class InvalidMockAnswerError extends HarnessError {
  override readonly name = 'InvalidMockAnswerError';
}

/** Checks an answer against its success schema (statusCode 200) or the error envelope. */
export function assertValidAnswer(answer: Answer, successSchema: z.ZodType, label: string): void {
  const schema = answer.body.statusCode === SUCCESS_STATUS_CODE ? successSchema : ErrorEnvelopeSchema;
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success) {
    throw new InvalidMockAnswerError(
      `the mock built an answer of ${label} that breaks the contract (${describeIssues(parsed.error.issues, '$').join('; ')}). ` +
        'This is a bug in src/mock.',
    );
  }
}

/** The answer as the provider presents it: the rules decide the type of statusCode and whether apiCode stays. */
export function present(answer: Answer, rules: Rules): Answer {
  const body = { ...answer.body };
  if (body.statusCode !== SUCCESS_STATUS_CODE && !rules.errorsCarryApiCode) delete body.apiCode;
  if (!rules.statusCodeIsNumber) body.statusCode = String(body.statusCode);
  return { httpStatus: answer.httpStatus, body };
}

export function send(
  reply: FastifyReply,
  answer: Answer,
  contentType = 'application/json; charset=utf-8',
): FastifyReply {
  return reply.code(answer.httpStatus).type(contentType).send(JSON.stringify(answer.body));
}
