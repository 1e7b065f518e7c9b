import type { AppIdHeader, AuthScheme, FactorIdInQuery, JsonContentType } from '../client';
import type {
  FactorDto,
  FactorProfile,
  FactorType,
  OperationName,
  SendEnrollFactorRequestDataDto,
} from '../contract';

/**
 * What an app's own code puts on the wire, as the consumer tests drive it: the operations an app calls,
 * through whichever client the app uses (the harness's typed client, the official Node SDK, a team's own).
 * Each adapter writes a pact of its own, holding the interactions its client can express and its app uses.
 */

/** An answer as the app sees it: the data, or the failure envelope's fields. */
export type AppAnswer<T> =
  | { readonly ok: true; readonly data: T }
  | {
      readonly ok: false;
      /** The HTTP status, where the client tells it (HTTP 200 for every answer but throttling). */
      readonly httpStatus?: number;
      readonly statusCode: number;
      readonly apiCode?: number;
      readonly message: string;
    };

/** The operations an app calls; an adapter implements those its client offers. */
export interface ConsumerClient {
  sendEnrollFactorRequest(input: {
    factorType: string;
    profile?: FactorProfile;
  }): Promise<AppAnswer<SendEnrollFactorRequestDataDto>>;
  enrollFactor(input: {
    factorType: string;
    enrollmentToken: string;
    enrollmentData?: Record<string, unknown>;
  }): Promise<AppAnswer<undefined>>;
  resetFactor(input: { factorId: string }): Promise<AppAnswer<undefined>>;
  listEnrolledFactors(): Promise<AppAnswer<FactorDto[]>>;
  getFactor(input: { factorId: string }): Promise<AppAnswer<FactorDto>>;
  listFactorsToEnroll(): Promise<AppAnswer<{ factorType: FactorType }[]>>;
  mfaOtpVerify(input: { totp: string }): Promise<AppAnswer<{ verified: boolean }>>;
}

/**
 * How a client writes a request, where official clients differ. The first value an adapter lists is what
 * its client sends unless an interaction is about another.
 */
export interface WireForm {
  /** `Bearer <token>` (Java, C#, the mobile SDKs) or the bare token (Node, Python, Go). */
  readonly authorization: AuthScheme;
  /** `x-authing-app-id`, or `x-genauth-app-id` as the GenAuth SDKs send it. */
  readonly appIdHeader: AppIdHeader;
  /** `application/json`, or with a charset as the Go, C# and Android SDKs send it. */
  readonly contentType: JsonContentType;
  /** The `|` of a factorId in the query: escaped (`%7C`, Python, PHP, Node) or raw (Go, C#, Java, Android, iOS). */
  readonly factorIdInQuery: FactorIdInQuery;
  /** OTP and FACE requests: with `profile: {}` as the OpenAPI requires, or without one (Guard iOS, iOS v3). */
  readonly otpFaceProfile: 'empty' | 'omitted';
}

/** What a client can do besides the forms: requests an app sends only by mistake, or with another token. */
export type Ability =
  /** Send a request without an access token. */
  | 'no-token'
  /** Send a body the contract forbids: an unknown factorType, a missing field. */
  | 'malformed-body'
  /** Send the sign-in's id_token as `Bearer`, as Guard iOS does. */
  | 'id-token';

/** The token a client sends, if any. */
export type Token = { readonly kind: 'access' | 'id'; readonly value: string } | undefined;

export interface ConnectOptions {
  /** The Pact mock server. */
  readonly baseUrl: string;
  readonly appId: string;
  readonly token: Token;
  readonly form: WireForm;
}

/** What an app uses: operations and factor types. */
export interface Usage {
  readonly operations: readonly OperationName[];
  readonly factorTypes: readonly FactorType[];
}

/** A consumer of the API: an app's client, what it can send, and what the app uses of it. */
export interface ConsumerAdapter {
  /** The pacticipant name of its pact. */
  readonly consumer: string;
  /** What the client can send: the operations it offers and the factor types it can bind. */
  readonly can: Usage;
  /** What the app uses; every entry must be something the client can send. */
  readonly uses: Usage;
  /** The forms the client can write, its default first. */
  readonly forms: { readonly [K in keyof WireForm]: readonly WireForm[K][] };
  readonly abilities: readonly Ability[];
  /** A client as the app builds it, sending `token` in `form`. */
  connect(options: ConnectOptions): Partial<ConsumerClient>;
}

/** An adapter, checked by type: what a team's adapter file exports as its default. */
export function defineConsumer(adapter: ConsumerAdapter): ConsumerAdapter {
  return adapter;
}

/** The form a client writes unless told otherwise: the first of each. */
export function defaultForm(adapter: ConsumerAdapter): WireForm {
  const { forms } = adapter;
  return {
    authorization: forms.authorization[0] ?? 'bearer',
    appIdHeader: forms.appIdHeader[0] ?? 'x-authing-app-id',
    contentType: forms.contentType[0] ?? 'application/json',
    factorIdInQuery: forms.factorIdInQuery[0] ?? 'escaped',
    otpFaceProfile: forms.otpFaceProfile[0] ?? 'empty',
  };
}
