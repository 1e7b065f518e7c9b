import autocannon from 'autocannon';
import { Secret, TOTP } from 'otpauth';
import { provenByCode } from '../../src/contract';
import { HarnessError } from '../../src/errors';

export interface LoadUser {
  readonly userId: string;
  readonly accessToken: string;
  readonly appId: string;
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p99LatencyMs: number;
  readonly requests: number;
  /** Answers whose envelope said statusCode 200. */
  readonly succeeded: number;
  readonly failed: number;
  readonly errors: number;
  /** Distinct `message`s of failed answers, with how often each came. */
  readonly failureMessages: Readonly<Record<string, number>>;
}

/** A body that is not JSON (a stub's answer to a request it does not know) counts as failed, not as a crash. */
function parseOrEmpty(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return {};
  }
}

interface FlowContext {
  user?: LoadUser;
  enrollmentToken?: string;
  passCode?: string;
}

/**
 * The send → enroll → reset flow of an OTP factor, looped by every connection for `durationSeconds`:
 * each connection acts as one user, computes the real TOTP code from the `qrCodeUri` it was sent, and
 * resets the factor so the next loop can bind it again.
 */
export async function runEnrollmentLoad(options: {
  url: string;
  users: readonly LoadUser[];
  connections: number;
  /** Run for this long, or until `flows` loops are done. */
  durationSeconds?: number;
  flows?: number;
  /** `'send-only'` leaves every enrollment pending, to expire. Default `'full'`. */
  steps?: 'full' | 'send-only';
  /**
   * OTP (default) does all the work: secret, QR code PNG, recovery code, TOTP check. FACE skips the QR
   * code, for the memory rounds where the state kept, not the CPU spent, is measured.
   */
  factorType?: 'OTP' | 'FACE';
}): Promise<LoadResult> {
  const steps = options.steps ?? 'full';
  const factorType = options.factorType ?? 'OTP';
  const enrollmentData = (context: FlowContext) =>
    provenByCode(factorType)
      ? { passCode: context.passCode }
      : { photo: 'https://photos.bench.test/face.jpg', isExternalPhoto: true };
  // A user is leased for one whole flow, so no two connections ever act as the same user at once.
  const freeUsers = [...options.users];
  const release = (context: FlowContext) => {
    if (context.user) freeUsers.push(context.user);
    context.user = undefined;
  };
  let succeeded = 0;
  let failed = 0;
  const failureMessages: Record<string, number> = {};
  const count = (body: string) => {
    if (body.includes('"statusCode":200')) {
      succeeded += 1;
      return;
    }
    failed += 1;
    const message = /"message":"([^"]*)"/.exec(body)?.[1] ?? 'no envelope';
    failureMessages[message] = (failureMessages[message] ?? 0) + 1;
  };
  const headersOf = (user: LoadUser) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${user.accessToken}`,
    'x-authing-app-id': user.appId,
  });

  const requests: autocannon.Request[] = [
    {
      method: 'POST',
      path: '/api/v3/send-enroll-factor-request',
      setupRequest: (request, context: FlowContext) => {
        context.user = freeUsers.shift();
        if (!context.user) throw new HarnessError('bench: give more users than connections');
        // `profile: {}` as the official OpenAPI requires it, and as the pact records it.
        const body = JSON.stringify({ factorType, profile: {} });
        return { ...request, headers: headersOf(context.user!), body };
      },
      onResponse: (_status, body, context: FlowContext) => {
        count(body);
        const parsed = parseOrEmpty(body) as {
          data?: { enrollmentToken?: string; otpData?: { qrCodeUri?: string } };
        };
        const secret = /[?&]secret=([A-Z2-7]+)/.exec(parsed.data?.otpData?.qrCodeUri ?? '')?.[1];
        context.enrollmentToken = parsed.data?.enrollmentToken ?? '';
        context.passCode = secret ? new TOTP({ secret: Secret.fromBase32(secret) }).generate() : '000000';
        if (steps === 'send-only') release(context);
      },
    },
    {
      method: 'POST',
      path: '/api/v3/enroll-factor',
      setupRequest: (request, context: FlowContext) => ({
        ...request,
        headers: headersOf(context.user!),
        body: JSON.stringify({
          factorType,
          enrollmentToken: context.enrollmentToken,
          enrollmentData: enrollmentData(context),
        }),
      }),
      onResponse: (_status, body) => count(body),
    },
    {
      method: 'POST',
      path: '/api/v3/reset-factor',
      setupRequest: (request, context: FlowContext) => ({
        ...request,
        headers: headersOf(context.user!),
        body: JSON.stringify({ factorId: `${context.user!.userId}|${factorType.toLowerCase()}` }),
      }),
      onResponse: (_status, body, context: FlowContext) => {
        count(body);
        release(context);
      },
    },
  ];
  const perFlow = steps === 'full' ? requests.length : 1;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.flows ? { amount: options.flows * perFlow } : { duration: options.durationSeconds ?? 10 }),
    requests: steps === 'full' ? requests : requests.slice(0, 1),
  });
  return {
    requestsPerSecond: result.requests.average,
    p99LatencyMs: result.latency.p99,
    requests: result.requests.total,
    succeeded,
    failed,
    errors: result.errors + result.timeouts,
    failureMessages,
  };
}

/** Creates users on the mock through its control plane. */
export async function createMockUsers(mockUrl: string, count: number): Promise<LoadUser[]> {
  const users: LoadUser[] = [];
  for (let index = 0; index < count; index += 1) {
    const response = await fetch(`${mockUrl}/__mock/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `load-${index}@bench.test` }),
    });
    users.push((await response.json()) as LoadUser);
  }
  return users;
}

/** Unbinds what a load run left bound: a run that stops on time can stop between enroll and reset. */
export async function resetFactors(
  url: string,
  users: readonly LoadUser[],
  factorType: 'OTP' | 'FACE',
): Promise<void> {
  for (const user of users) {
    await fetch(`${url}/api/v3/reset-factor`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${user.accessToken}`,
        'x-authing-app-id': user.appId,
      },
      body: JSON.stringify({ factorId: `${user.userId}|${factorType.toLowerCase()}` }),
    });
  }
}
