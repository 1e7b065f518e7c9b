import {
  ErrorEnvelopeSchema,
  LoginTokenRespDtoSchema,
  MFA_REQUIRED_API_CODES,
  MfaRequiredRespSchema,
  SIGNIN_PATH,
} from '../../contract';
import { HarnessError } from '../../errors';

/** Signing in with account and password (`POST /api/v3/signin`, password connection), as a test user does. */

export interface PasswordCredentials {
  readonly account: string;
  readonly password: string;
}

/** Where credentials come from, for the message of a failed sign-in. */
const DESIGNATED = 'GENAUTH_ACCOUNT, GENAUTH_PASSWORD and GENAUTH_APP_ID';

type SignInAnswer =
  | { readonly tokens: { accessToken: string; idToken?: string } }
  | { readonly mfaToken: string; readonly apiCode: number };

async function signInAnswer(
  url: string,
  appId: string,
  credentials: PasswordCredentials,
  fail: (detail: string) => HarnessError,
  configuredIn: string,
): Promise<SignInAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-authing-app-id': appId, accept: 'application/json' },
      body: JSON.stringify({
        connection: 'PASSWORD',
        passwordPayload: { account: credentials.account, password: credentials.password },
      }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw fail((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw fail(`HTTP ${response.status} with a body that is not JSON`);
  }
  const success = LoginTokenRespDtoSchema.safeParse(body);
  if (success.success) {
    const { access_token: accessToken, id_token: idToken } = success.data.data;
    return { tokens: idToken ? { accessToken, idToken } : { accessToken } };
  }
  const mfa = MfaRequiredRespSchema.safeParse(body);
  if (mfa.success) return { mfaToken: mfa.data.data.mfaToken, apiCode: mfa.data.apiCode };
  const failure = ErrorEnvelopeSchema.safeParse(body);
  if (failure.success) {
    throw fail(`statusCode ${failure.data.statusCode}: ${failure.data.message}. Check ${configuredIn}`);
  }
  throw fail(`HTTP ${response.status} with an answer that is neither a token nor an error envelope`);
}

function failureOf(url: string, credentials: PasswordCredentials) {
  return (detail: string) =>
    new HarnessError(`signing in as ${credentials.account} at ${url} failed: ${detail}`);
}

/** Signs in and returns the tokens a sign-in hands out; a sign-in that asks for MFA is an error here. */
export async function signInTokens(
  baseUrl: string,
  appId: string,
  credentials: PasswordCredentials,
  configuredIn = DESIGNATED,
): Promise<{ accessToken: string; idToken?: string }> {
  const url = `${baseUrl}${SIGNIN_PATH}`;
  const fail = failureOf(url, credentials);
  const answer = await signInAnswer(url, appId, credentials, fail, configuredIn);
  if ('tokens' in answer) return answer.tokens;
  throw fail(
    `it asks for MFA (apiCode ${answer.apiCode}), so it hands out no access token. The tests act as a user who ` +
      `signs in without MFA: switch MFA off for this user, or give an access token instead (${configuredIn})`,
  );
}

/** Signs in and returns the access token. */
export async function signIn(
  baseUrl: string,
  appId: string,
  credentials: PasswordCredentials,
): Promise<string> {
  return (await signInTokens(baseUrl, appId, credentials)).accessToken;
}

/**
 * Signs in as a user whose sign-in asks for MFA and returns the MFA token it hands out (apiCode 1635 or 1636
 * with `data.mfaToken`). A sign-in that hands out an access token instead is an error: the environment does
 * not ask this user for MFA.
 */
export async function signInForMfaToken(
  baseUrl: string,
  appId: string,
  credentials: PasswordCredentials,
  configuredIn: string,
): Promise<string> {
  const url = `${baseUrl}${SIGNIN_PATH}`;
  const fail = failureOf(url, credentials);
  const answer = await signInAnswer(url, appId, credentials, fail, configuredIn);
  if ('mfaToken' in answer) return answer.mfaToken;
  throw fail(
    `it handed out an access token, not an MFA token (apiCode ${MFA_REQUIRED_API_CODES.join(' or ')}): the ` +
      `environment does not ask this user for MFA at sign-in. Require MFA for this user or its application, ` +
      `or leave the role out (${configuredIn})`,
  );
}
