import { randomInt, randomUUID } from 'node:crypto';
import { test as base, expect } from '@playwright/test';
import { EnrollFactorClient } from '../../src/client';
import {
  type FactorType,
  OPERATIONS,
  type OperationName,
  OtpAuthUriSchema,
  totpCodeAt,
} from '../../src/contract';
import type { CreateUserRequest, CreateUserResponse } from '../../src/mock/control-api';
import { type MockOptions, type RunningMock, startMock } from '../../src/mock/server';
import { ControlClient } from './control-client';

export { expect };

export function uniquePhone(): string {
  return `139${String(randomInt(100_000_000)).padStart(8, '0')}`;
}

export function uniqueEmail(): string {
  return `user-${randomUUID().slice(0, 12)}@example.test`;
}

/** A mock user with everything a test needs to act as it. */
export interface MockUser extends CreateUserResponse {
  readonly client: EnrollFactorClient;
  readonly phoneNumber: string;
  readonly email: string;
}

export interface Harness {
  readonly mock: RunningMock;
  readonly control: ControlClient;
  newUser(request?: CreateUserRequest): Promise<MockUser>;
}

export function harnessOf(mock: RunningMock): Harness {
  const control = new ControlClient(mock.url);
  return {
    mock,
    control,
    async newUser(request = {}) {
      const created = await control.createUser({
        phoneNumber: uniquePhone(),
        email: uniqueEmail(),
        ...request,
      });
      const client = new EnrollFactorClient({
        baseUrl: mock.url,
        appId: created.appId,
        accessToken: created.accessToken,
      });
      return { ...created, client } as MockUser;
    },
  };
}

/** A mock of its own, started with `options` and closed after `run`. */
export async function withMock<T>(options: MockOptions, run: (harness: Harness) => Promise<T>): Promise<T> {
  const mock = await startMock({ port: 0, ...options });
  try {
    return await run(harnessOf(mock));
  } finally {
    await mock.close();
  }
}

export const test = base.extend<
  { user: MockUser; control: ControlClient; harness: Harness },
  { mock: RunningMock }
>({
  mock: [
    async ({}, use) => {
      const mock = await startMock({ port: 0 });
      await use(mock);
      await mock.close();
    },
    { scope: 'worker' },
  ],
  harness: async ({ mock }, use) => use(harnessOf(mock)),
  control: async ({ harness }, use) => use(harness.control),
  user: async ({ harness }, use) => use(await harness.newUser()),
});

// ---- flows ---------------------------------------------------------------------------------------

export interface StartedEnrollment {
  readonly enrollmentToken: string;
  /** The code that proves possession: the delivered code, the current TOTP, or a photo key for FACE. */
  readonly passCode?: string;
  readonly qrCodeUri?: string;
}

/** `send-enroll-factor-request` for `factorType` with the user's own phone/email, plus the proof to enroll. */
export async function startEnrollment(
  harness: Harness,
  user: MockUser,
  factorType: FactorType,
): Promise<StartedEnrollment> {
  const profile =
    factorType === 'SMS'
      ? { phoneNumber: user.phoneNumber, phoneCountryCode: '+86' }
      : factorType === 'EMAIL'
        ? { email: user.email }
        : {};
  const data = await user.client.sendEnrollFactorRequest({ factorType, profile });
  if (factorType === 'SMS') {
    return {
      enrollmentToken: data.enrollmentToken,
      passCode: await harness.control.latestCode(user.phoneNumber),
    };
  }
  if (factorType === 'EMAIL') {
    return { enrollmentToken: data.enrollmentToken, passCode: await harness.control.latestCode(user.email) };
  }
  if (factorType === 'OTP') {
    const qrCodeUri = data.otpData!.qrCodeUri;
    return {
      enrollmentToken: data.enrollmentToken,
      qrCodeUri,
      passCode: await currentTotp(harness, user, qrCodeUri),
    };
  }
  return { enrollmentToken: data.enrollmentToken };
}

/** The TOTP the user's authenticator shows now, on the user's virtual clock. */
export async function currentTotp(harness: Harness, user: MockUser, qrCodeUri: string, offsetMs = 0) {
  const totp = OtpAuthUriSchema.parse(qrCodeUri);
  return totpCodeAt(totp, (await harness.control.now(user.userId)) + offsetMs);
}

export function enrollmentDataFor(factorType: FactorType, started: StartedEnrollment) {
  return factorType === 'FACE'
    ? { photo: 'face-upload-key-1', isExternalPhoto: false }
    : { passCode: started.passCode! };
}

/** Binds `factorType` for the user through the public API; returns what the enrollment used. */
export async function enroll(harness: Harness, user: MockUser, factorType: FactorType) {
  const started = await startEnrollment(harness, user, factorType);
  await user.client.enrollFactor({
    factorType,
    enrollmentToken: started.enrollmentToken,
    enrollmentData: enrollmentDataFor(factorType, started),
  });
  return started;
}

// ---- raw HTTP --------------------------------------------------------------------------------------

export interface RawAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly json: unknown;
}

/** Plain fetch for input no client would send. */
export async function rawRequest(
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string },
): Promise<RawAnswer> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json };
}

export function operationUrl(mock: RunningMock, operation: OperationName, query = ''): string {
  return `${mock.url}${OPERATIONS[operation].path}${query ? `?${query}` : ''}`;
}
