import {
  type ErrorEnvelope,
  ErrorEnvelopeSchema,
  isJsonContentType,
  OPERATIONS,
  type OperationName,
  type OperationRequest,
  type OperationResponse,
  SUCCESS_STATUS_CODE,
} from '../contract';
import { HarnessError } from '../errors';
import { ContractViolationError, endpointOf, GenAuthApiError, TransportError } from './errors';
import type { HttpRequest, HttpResponse } from './http';
import { fetchTransport, type Transport } from './transport';

/** How the access token travels: `Bearer <token>` (Java SDK, Guard) or the bare token (Node, Python, Go SDKs). */
export type AuthScheme = 'bearer' | 'bare';

export type AppIdHeader = 'x-authing-app-id' | 'x-genauth-app-id';

/** The JSON bodies' content type: plain, or with the charset the Go, C# and Android SDKs add. */
export type JsonContentType = 'application/json' | 'application/json; charset=utf-8';

/** The `|` of a factorId in the query: `escaped` (`%7C`; Python, PHP, Node) or `raw` (Go, C#, Java, Android, iOS). */
export type FactorIdInQuery = 'escaped' | 'raw';

export interface EnrollFactorClientOptions {
  /** Application domain, e.g. `https://example.genauth.ai`. Required. */
  readonly baseUrl: string;
  /** Sent in `appIdHeader` when set. */
  readonly appId?: string;
  /** The user's access token; no `authorization` header is sent without one. */
  readonly accessToken?: string;
  /** Default `'bearer'`. */
  readonly authScheme?: AuthScheme;
  /** Default `'x-authing-app-id'`; the GenAuth SDKs send `'x-genauth-app-id'`. */
  readonly appIdHeader?: AppIdHeader;
  /** Sent as `x-authing-lang` when set. */
  readonly lang?: 'zh-CN' | 'en-US';
  /** The JSON bodies' content type. Default `application/json`; the Go, C# and Android SDKs add a charset. */
  readonly contentType?: JsonContentType;
  /**
   * The `|` of a factorId in the query: `escaped` (`%7C`, default; Python, PHP, Node) or `raw` (Go, C#, Java,
   * Android and iOS send it so).
   */
  readonly factorIdInQuery?: FactorIdInQuery;
  /** Default: Node `fetch` with a 15 s timeout. */
  readonly transport?: Transport;
  /** Called after every exchange that got an HTTP answer; reporters hang steps and attachments here. */
  readonly onExchange?: (exchange: Exchange) => void | Promise<void>;
}

export interface Exchange {
  readonly operation: OperationName;
  readonly request: HttpRequest;
  readonly response: HttpResponse;
  readonly durationMs: number;
}

/** An answer of the API, validated against the contract: the operation's success schema or the error envelope. */
export type ApiResult<N extends OperationName> =
  | { readonly ok: true; readonly httpStatus: number; readonly envelope: OperationResponse<N> }
  | {
      readonly ok: false;
      readonly httpStatus: number;
      readonly envelope: ErrorEnvelope;
      readonly error: GenAuthApiError;
    };

/** Free-form input for negative tests: anything the typed methods would not let a caller send. */
export interface RawInput {
  /** A JSON value to serialise as the body. */
  readonly body?: unknown;
  /** A body sent verbatim (malformed JSON, say). Wins over `body`. */
  readonly rawBody?: string;
  /** Query parameters, or a pre-built query string (without `?`) sent verbatim. */
  readonly query?: Readonly<Record<string, string>> | string;
  /** Extra headers; `undefined` removes one the client would send. */
  readonly headers?: Readonly<Record<string, string | undefined>>;
  /** Another path than the operation's (a route the API does not have); the answer is judged the same. */
  readonly path?: string;
}

type Data<N extends OperationName> = OperationResponse<N> extends { data: infer D } ? D : never;

/**
 * The typed client of the seven GenAuth V3 MFA factor endpoints. Methods resolve with the response's
 * `data` and reject with `GenAuthApiError` (a failure envelope), `ContractViolationError` (a response the
 * contract does not allow) or `TransportError` (no usable HTTP answer).
 */
export class EnrollFactorClient {
  readonly options: Readonly<EnrollFactorClientOptions>;
  private readonly transport: Transport;

  constructor(options: EnrollFactorClientOptions) {
    if (!options.baseUrl) {
      throw new HarnessError('EnrollFactorClient needs a baseUrl, e.g. https://example.genauth.ai');
    }
    this.options = { authScheme: 'bearer', appIdHeader: 'x-authing-app-id', ...options };
    this.transport = options.transport ?? fetchTransport();
  }

  /** A client that differs only in the given options (another user's token, the bare auth form, …). */
  with(overrides: Partial<EnrollFactorClientOptions>): EnrollFactorClient {
    return new EnrollFactorClient({ ...this.options, ...overrides });
  }

  async sendEnrollFactorRequest(dto: OperationRequest<'sendEnrollFactorRequest'>) {
    return this.data('sendEnrollFactorRequest', dto) as Promise<Data<'sendEnrollFactorRequest'>>;
  }

  async enrollFactor(dto: OperationRequest<'enrollFactor'>): Promise<void> {
    await this.call('enrollFactor', dto);
  }

  async resetFactor(dto: OperationRequest<'resetFactor'>): Promise<void> {
    await this.call('resetFactor', dto);
  }

  async listEnrolledFactors() {
    return this.data('listEnrolledFactors', {}) as Promise<Data<'listEnrolledFactors'>>;
  }

  async getFactor(dto: OperationRequest<'getFactor'>) {
    return this.data('getFactor', dto) as Promise<Data<'getFactor'>>;
  }

  async listFactorsToEnroll() {
    return this.data('listFactorsToEnroll', {}) as Promise<Data<'listFactorsToEnroll'>>;
  }

  async mfaOtpVerify(dto: OperationRequest<'mfaOtpVerify'>) {
    return this.data('mfaOtpVerify', dto) as Promise<Data<'mfaOtpVerify'>>;
  }

  /** Calls an operation with typed input and returns the validated envelope, rejecting on failure envelopes. */
  async call<N extends OperationName>(
    operation: N,
    input: OperationRequest<N>,
  ): Promise<OperationResponse<N>> {
    const result = await this.attempt(operation, input);
    if (!result.ok) throw result.error;
    return result.envelope;
  }

  /** Calls an operation with typed input; failure envelopes resolve as `{ ok: false }` instead of rejecting. */
  attempt<N extends OperationName>(operation: N, input: OperationRequest<N>): Promise<ApiResult<N>> {
    const definition = OPERATIONS[operation];
    if (definition.input === 'query') return this.raw(operation, { query: input as Record<string, string> });
    if (definition.input === 'none') return this.raw(operation, {});
    return this.raw(operation, { body: input });
  }

  /** Sends anything to an operation's endpoint; the answer is still validated against the contract. */
  async raw<N extends OperationName>(operation: N, input: RawInput): Promise<ApiResult<N>> {
    const request = this.buildRequest(operation, input);
    const started = performance.now();
    const response = await this.transport(request);
    await this.options.onExchange?.({
      operation,
      request,
      response,
      durationMs: performance.now() - started,
    });
    return this.interpret(operation, request, response);
  }

  private async data<N extends OperationName>(operation: N, input: OperationRequest<N>) {
    const envelope = await this.call(operation, input);
    return (envelope as { data: unknown }).data;
  }

  /** The query of `parameters` as this client writes it: escaped, or with the factorId's `|` left raw. */
  private queryOf(parameters: Readonly<Record<string, string>> = {}): string {
    const escaped = new URLSearchParams(parameters).toString();
    return this.options.factorIdInQuery === 'raw' ? escaped.replaceAll('%7C', '|') : escaped;
  }

  private buildRequest(operation: OperationName, input: RawInput): HttpRequest {
    const definition = OPERATIONS[operation];
    const url = new URL(input.path ?? definition.path, this.options.baseUrl);
    const query = typeof input.query === 'string' ? input.query : this.queryOf(input.query);
    const href = query ? `${url.href}?${query}` : url.href;

    const headers: Record<string, string> = { accept: 'application/json' };
    const { appId, accessToken, authScheme, appIdHeader, lang } = this.options;
    if (appId) headers[appIdHeader ?? 'x-authing-app-id'] = appId;
    if (accessToken) headers.authorization = authScheme === 'bare' ? accessToken : `Bearer ${accessToken}`;
    if (lang) headers['x-authing-lang'] = lang;

    let body: string | undefined;
    if (definition.method === 'POST') {
      body = input.rawBody ?? JSON.stringify(input.body ?? {});
      headers['content-type'] = this.options.contentType ?? 'application/json';
    }
    for (const [name, value] of Object.entries(input.headers ?? {})) {
      if (value === undefined) delete headers[name.toLowerCase()];
      else headers[name.toLowerCase()] = value;
    }
    return { method: definition.method, url: href, headers, body };
  }

  private interpret<N extends OperationName>(
    operation: N,
    request: HttpRequest,
    response: HttpResponse,
  ): ApiResult<N> {
    const endpoint = endpointOf(request);
    if (response.status >= 500) throw TransportError.httpStatus(request, response.status);
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      throw TransportError.nonJson(request, response.status, response.headers['content-type']);
    }
    const contentType = response.headers['content-type'] ?? '';
    if (!isJsonContentType(contentType)) {
      throw new ContractViolationError(
        endpoint,
        [
          {
            path: 'content-type',
            problem: `is "${contentType || 'missing'}"; the contract answers application/json`,
          },
        ],
        body,
      );
    }
    const statusCode = (body as { statusCode?: unknown } | null)?.statusCode;
    if (statusCode === SUCCESS_STATUS_CODE) {
      const parsed = OPERATIONS[operation].response.safeParse(body);
      if (!parsed.success) throw ContractViolationError.fromZod(endpoint, parsed.error, body);
      return { ok: true, httpStatus: response.status, envelope: parsed.data as OperationResponse<N> };
    }
    const parsed = ErrorEnvelopeSchema.safeParse(body);
    if (!parsed.success) throw ContractViolationError.fromZod(endpoint, parsed.error, body);
    const envelope = parsed.data;
    const error = new GenAuthApiError(
      endpoint,
      response.status,
      envelope.statusCode,
      envelope.message,
      envelope.apiCode,
      envelope.requestId,
    );
    return { ok: false, httpStatus: response.status, envelope, error };
  }
}
