import type { z } from 'zod';
import { ERROR_CATALOG, ErrorEnvelopeSchema, type ErrorScenario, SUCCESS_STATUS_CODE } from '../contract';
import type { FaultSet } from './faults';

export const SUCCESS_MESSAGE = 'Operation successful';

export interface Answer {
  readonly httpStatus: number;
  readonly body: Record<string, unknown>;
}

export function successAnswer(requestId: string, data?: unknown): Answer {
  const body: Record<string, unknown> = {
    statusCode: SUCCESS_STATUS_CODE,
    message: SUCCESS_MESSAGE,
    requestId,
  };
  if (data !== undefined) body.data = data;
  return { httpStatus: 200, body };
}

export function errorAnswer(scenario: ErrorScenario, requestId: string): Answer {
  const entry = ERROR_CATALOG[scenario];
  const body: Record<string, unknown> = { statusCode: entry.statusCode, message: entry.message };
  if ('apiCode' in entry) body.apiCode = entry.apiCode;
  body.requestId = requestId;
  return { httpStatus: entry.httpStatus, body };
}

/** An answer the mock built against the contract: a mock bug, reported loudly instead of sent. */
export class InvalidMockAnswerError extends Error {
  override readonly name = 'InvalidMockAnswerError';
}

/** Checks an answer against its success schema (statusCode 200) or the error envelope. */
export function assertValidAnswer(answer: Answer, successSchema: z.ZodType, label: string): void {
  const schema = answer.body.statusCode === SUCCESS_STATUS_CODE ? successSchema : ErrorEnvelopeSchema;
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '$'}: ${issue.message}`);
    throw new InvalidMockAnswerError(
      `[enroll-factor-harness] the mock built an answer of ${label} that breaks the contract (${problems.join('; ')}). ` +
        'This is a bug in src/mock.',
    );
  }
}

/** Envelope-level provider defects, applied after validation so they reach the client as shipped. */
export function applyEnvelopeDefects(answer: Answer, faults: FaultSet): Answer {
  const body = { ...answer.body };
  if (body.statusCode !== SUCCESS_STATUS_CODE && faults.has('drop-api-code')) delete body.apiCode;
  if (faults.has('status-code-as-string')) body.statusCode = String(body.statusCode);
  return { httpStatus: answer.httpStatus, body };
}
