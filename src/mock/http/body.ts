import type { FastifyRequest } from 'fastify';
import { type ErrorScenario, isJsonContentType } from '../../contract';
import { fail, type Outcome, succeed } from '../core/outcome';
import type { Rules } from '../rules';

/** A request header's value, trimmed; undefined when absent, repeated or blank. */
export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The input of a request: the JSON body of a POST (size and content type checked), the query of a GET.
 * `bodyLimitBytes` is the mock's stated limit; the HTTP server's own cap lies above it, so the rules decide.
 */
export function readInput(request: FastifyRequest, rules: Rules, bodyLimitBytes: number): Outcome<unknown> {
  if (request.method !== 'POST') {
    const query = { ...(request.query as Record<string, unknown>) };
    // A server that does not read a raw `|` keeps it escaped, so the factorId names nothing.
    if (!rules.rawPipeInQueryRead && request.url.includes('|') && typeof query.factorId === 'string') {
      query.factorId = query.factorId.replaceAll('|', '%7C');
    }
    return succeed(query);
  }
  const raw = typeof request.body === 'string' ? request.body : undefined;
  if (raw !== undefined && rules.payloadLimitEnforced && Buffer.byteLength(raw) > bodyLimitBytes) {
    return fail('payloadTooLarge');
  }
  const contentType = request.headers['content-type'];
  const isJson =
    !rules.jsonContentTypeRequired ||
    (isJsonContentType(contentType) &&
      (rules.jsonContentTypeParametersAccepted || !contentType?.includes(';')));
  if (raw === undefined || raw.trim() === '') {
    return contentType && !isJson ? fail('unsupportedContentType') : succeed({});
  }
  if (!isJson) return fail('unsupportedContentType');
  try {
    return succeed(JSON.parse(raw) as unknown);
  } catch {
    return fail('malformedJson' satisfies ErrorScenario);
  }
}
