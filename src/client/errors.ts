import type { z } from '../contract/zod';
import { HarnessError } from '../errors';
import type { HttpRequest } from './http';

function endpointOf(request: Pick<HttpRequest, 'method' | 'url'>): string {
  const { pathname } = new URL(request.url);
  return `${request.method} ${pathname}`;
}

/** The API answered with a failure envelope (`statusCode` other than 200). */
export class GenAuthApiError extends HarnessError {
  override readonly name = 'GenAuthApiError';
  readonly kind = 'business' as const;

  constructor(
    readonly endpoint: string,
    readonly httpStatus: number,
    readonly statusCode: number,
    readonly apiMessage: string,
    readonly apiCode?: number,
    readonly requestId?: string,
  ) {
    const code = apiCode === undefined ? '' : ` apiCode ${apiCode}`;
    super(`${endpoint} answered statusCode ${statusCode}${code}: ${apiMessage}`);
  }
}

export interface ContractIssue {
  /** JSONPath of the offending value, e.g. `$.data.otpData.qrCodeUri`. */
  readonly path: string;
  readonly problem: string;
}

/** A response does not match the contract schema: provider drift, not a business failure. */
export class ContractViolationError extends HarnessError {
  override readonly name = 'ContractViolationError';
  readonly kind = 'contract' as const;
  declare readonly responseBody: unknown;

  constructor(
    readonly endpoint: string,
    readonly issues: readonly ContractIssue[],
    responseBody: unknown,
  ) {
    const lines = issues.map((issue) => `  ${issue.path}: ${issue.problem}`).join('\n');
    super(
      `contract drift: the response of ${endpoint} does not match the contract schema.\n${lines}\n` +
        'Check the provider, or update src/contract/ if the API has legitimately changed.',
    );
    // Kept off the enumerable properties so reporters that serialise errors do not print response secrets.
    Object.defineProperty(this, 'responseBody', { value: responseBody, enumerable: false });
  }

  static fromZod(endpoint: string, error: z.ZodError, responseBody: unknown): ContractViolationError {
    return new ContractViolationError(
      endpoint,
      error.issues.map((issue) => ({ path: toJsonPath(issue.path), problem: issue.message })),
      responseBody,
    );
  }
}

export type TransportFailure = 'connection' | 'timeout' | 'http-status' | 'non-json';

/** No usable API answer: the connection failed, timed out, answered 5xx, or did not answer JSON. */
export class TransportError extends HarnessError {
  override readonly name = 'TransportError';
  readonly kind = 'transport' as const;

  constructor(
    readonly endpoint: string,
    readonly failure: TransportFailure,
    detail: string,
    readonly httpStatus?: number,
    options?: { cause?: unknown },
  ) {
    super(`${endpoint}: ${detail}`, options);
  }

  static fromNetworkFailure(request: HttpRequest, error: unknown, timeoutMs: number): TransportError {
    const endpoint = endpointOf(request);
    const origin = new URL(request.url).origin;
    const name = (error as { name?: string })?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return new TransportError(
        endpoint,
        'timeout',
        `no answer from ${origin} within ${timeoutMs} ms`,
        undefined,
        {
          cause: error,
        },
      );
    }
    const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
    return new TransportError(
      endpoint,
      'connection',
      `cannot reach ${origin} (${reason}). Is the environment up and GENAUTH_BASE_URL right?`,
      undefined,
      { cause: error },
    );
  }

  static httpStatus(request: HttpRequest, status: number): TransportError {
    return new TransportError(
      endpointOf(request),
      'http-status',
      `the server answered HTTP ${status}`,
      status,
    );
  }

  static nonJson(request: HttpRequest, status: number, contentType: string | undefined): TransportError {
    return new TransportError(
      endpointOf(request),
      'non-json',
      `HTTP ${status} with a body that is not JSON (content-type ${contentType ?? 'missing'})`,
      status,
    );
  }
}

export type EnrollFactorClientError = GenAuthApiError | ContractViolationError | TransportError;

export function toJsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (jsonPath, key) => (typeof key === 'number' ? `${jsonPath}[${key}]` : `${jsonPath}.${String(key)}`),
    '$',
  );
}

export { endpointOf };
