import { expect, test } from '@playwright/test';
import { MailDev } from 'maildev';
import nodemailer from 'nodemailer';
import { createTestData, MAINLAND_MOBILE_PATTERN } from '../../fixtures/data';
import type { ApiResult } from '../../src/client';
import { EnrollFactorClient, GenAuthApiError } from '../../src/client';
import { ERROR_CATALOG, type OperationName } from '../../src/contract';
import {
  designatedUserProvider,
  httpJsonInbox,
  judgeFailure,
  maildevInbox,
  newestCode,
  realClock,
  toInboxMessage,
  UnavailableError,
} from '../../src/env';
import { FactorLock } from '../../src/env/capabilities/factor-lock';
import { startMock } from '../../src/mock/server';
import { freePort } from '../../src/process/server';
import { startSmsSink } from '../../src/rehearsal/sms-sink';

const SIX_DIGITS = /(?<!\d)\d{6}(?!\d)/;

function failure(
  httpStatus: number,
  statusCode: number,
  apiCode?: number,
  message = 'observed message',
): ApiResult<OperationName> {
  const envelope = { statusCode, message, apiCode };
  const error = new GenAuthApiError(
    'POST /api/v3/enroll-factor',
    httpStatus,
    statusCode,
    envelope.message,
    apiCode,
  );
  return { ok: false, httpStatus, envelope, error };
}

test.describe('test data', () => {
  test('is seeded: the same seed and salt build the same values, another salt different ones', () => {
    const build = (salt: string) => {
      const data = createTestData({ seed: 42, salt, emailDomain: 'mail.example.org' });
      return [data.phoneNumber(), data.email(), data.photoUrl(), data.uploadKey()];
    };
    expect(build('test-a')).toEqual(build('test-a'));
    expect(build('test-a')).not.toEqual(build('test-b'));
  });

  test('builds mainland-China mobile numbers, emails at the domain, photo URLs and upload keys', () => {
    const data = createTestData({ seed: 7, emailDomain: 'mail.example.org' });
    for (let i = 0; i < 200; i++) {
      expect(data.phoneNumber()).toMatch(MAINLAND_MOBILE_PATTERN);
      expect(data.email()).toMatch(/^[a-z0-9._-]+@mail\.example\.org$/);
    }
    expect(new URL(data.photoUrl()).protocol).toBe('https:');
    expect(data.uploadKey()).toMatch(/^[0-9a-f]{14}$/);
    const code = '093871';
    const other = data.otherCode(code);
    expect(other).toMatch(/^\d{6}$/);
    for (const [index, digit] of [...code].entries()) expect(other[index]).not.toBe(digit);
  });
});

test.describe('catalog verdicts', () => {
  test('on the mock every field is exact, so a missing apiCode fails', () => {
    const { message } = ERROR_CATALOG.enrollmentTokenExpired;
    expect(judgeFailure(failure(200, 400, 2300, message), 'enrollmentTokenExpired', true).pass).toBe(true);
    const verdict = judgeFailure(failure(200, 400, undefined, message), 'enrollmentTokenExpired', true);
    expect(verdict.pass).toBe(false);
    expect(verdict.problems.join('\n')).toContain('apiCode: expected 2300, got undefined');
  });

  test('on the mock the message is exact too, naming the missing fields the test expects', () => {
    const answer = failure(200, 400, undefined, 'A required field is missing: enrollmentData');
    expect(judgeFailure(answer, 'missingField', true, 'enrollmentData').pass).toBe(true);
    expect(judgeFailure(answer, 'missingField', true, 'enrollmentToken').problems).toContain(
      'message: expected "A required field is missing: enrollmentToken", got "A required field is missing: enrollmentData"',
    );
    expect(
      judgeFailure(answer, 'missingField', true).pass,
      'a missing-field answer must name the field',
    ).toBe(false);
    expect(judgeFailure(answer, 'missingField', false).pass, 'a real environment words it its own way').toBe(
      true,
    );
  });

  test('on a real environment an assumed entry checks the error class and keeps the answer as evidence', () => {
    const verdict = judgeFailure(failure(200, 403, 1234), 'enrollmentTokenExpired', false);
    expect(verdict).toMatchObject({ pass: true, evidence: true, asserted: ['httpStatus'] });
    expect(judgeFailure(failure(200, 200 + 300), 'enrollmentTokenExpired', false).pass).toBe(false);
  });

  test('on a real environment HTTP 200 stays exact wherever the documentation says every answer is HTTP 200', () => {
    const verdict = judgeFailure(failure(400, 400, 2300), 'enrollmentTokenExpired', false);
    expect(verdict.pass).toBe(false);
    expect(verdict.problems.join('\n')).toContain('httpStatus: expected 200, got 400');
    expect(judgeFailure(failure(404, 404), 'routeNotFound', false).pass).toBe(true);
  });

  test('on a real environment the documented fields stay exact', () => {
    expect(judgeFailure(failure(200, 400, 6001), 'wrongTotp', false).pass).toBe(true);
    expect(judgeFailure(failure(200, 400, 2001), 'wrongTotp', false).pass).toBe(false);
  });

  test('a success where a failure was expected fails', () => {
    const success = { ok: true, httpStatus: 200, envelope: { statusCode: 200, message: 'ok' } } as const;
    const verdict = judgeFailure(success as unknown as ApiResult<OperationName>, 'wrongPassCode', false);
    expect(verdict.pass).toBe(false);
    expect(verdict.problems[0]).toContain('but the call succeeded');
  });
});

test.describe('code inboxes', () => {
  test('find the newest code sent to the recipient after the send began', () => {
    const messages = [
      { recipients: ['13800000000'], receivedAtMs: 1_000, text: 'code 111111' },
      { recipients: ['13800000000'], receivedAtMs: 3_000, text: 'Your code is 333333, valid 60 s' },
      { recipients: ['13900000000'], receivedAtMs: 4_000, text: 'code 444444' },
    ];
    expect(newestCode(messages, '13800000000', 2_000, SIX_DIGITS)).toBe('333333');
    expect(newestCode(messages, '+8613800000000', 0, SIX_DIGITS)).toBe('333333');
    expect(newestCode(messages, '13800000000', 5_000, SIX_DIGITS)).toBeUndefined();
  });

  test('read generic JSON messages whatever their field names', () => {
    const message = toInboxMessage({
      phoneNumber: '13800000000',
      code: '123456',
      receivedAt: '2026-01-01T00:00:00Z',
    });
    expect(message.recipients).toEqual(['13800000000']);
    expect(message.code).toBe('123456');
    expect(toInboxMessage({ to: ['a@example.com'], text: 'code 654321' }).text).toContain('654321');
  });

  test('the HTTP JSON inbox reads what the SMS sink received', async () => {
    const sink = await startSmsSink();
    try {
      const sentAfterMs = Date.now();
      await fetch(`${sink.url}/sms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'SMS', phoneNumber: '13712345678', code: '246810' }),
      });
      const inbox = httpJsonInbox(`${sink.url}/messages`, SIX_DIGITS);
      expect(await inbox.waitForCode('13712345678', 'SMS', { sentAfterMs })).toBe('246810');
      await expect(inbox.waitForCode('13700000000', 'SMS', { sentAfterMs, timeoutMs: 300 })).rejects.toThrow(
        /no SMS code for 13700000000 arrived/,
      );
    } finally {
      await sink.close();
    }
  });

  test('the maildev inbox reads a code mailed over SMTP', async () => {
    const [smtp, web] = [await freePort(), await freePort()];
    const maildev = new MailDev({ smtp, web, ip: '127.0.0.1', webIp: '127.0.0.1', silent: true });
    await maildev.start();
    try {
      const sentAfterMs = Date.now();
      const mailer = nodemailer.createTransport({ host: '127.0.0.1', port: smtp, secure: false });
      await mailer.sendMail({
        from: 'no-reply@example.com',
        to: 'Someone.Else@Example.com',
        subject: 'Your MFA code',
        text: 'Your verification code is 975310. It expires in 60 seconds.',
      });
      mailer.close();
      const inbox = maildevInbox(`http://127.0.0.1:${web}`, SIX_DIGITS);
      expect(await inbox.waitForCode('someone.else@example.com', 'EMAIL', { sentAfterMs })).toBe('975310');
    } finally {
      await maildev.stop();
    }
  });
});

test.describe('the designated user of a real environment', () => {
  test('factor locks make tests of the same factor type take turns', async () => {
    const lock = new FactorLock(`selftest-${Date.now()}-${Math.random()}`);
    const order: string[] = [];
    const release = await lock.acquire(['SMS']);
    const second = lock.acquire(['SMS', 'EMAIL']).then(async (releaseSecond) => {
      order.push('second');
      await releaseSecond();
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    order.push('first done');
    await release();
    await second;
    expect(order).toEqual(['first done', 'second']);
  });

  test('signs in with a password, resets what a test bound, and what a crashed run left bound', async () => {
    const password = `pw-${Math.random()}`;
    const mock = await startMock({
      control: false,
      seedUsers: [{ account: 'designated', password, email: 'designated@example.com' }],
    });
    try {
      const appId = mock.seededUsers[0]!.appId;
      const users = designatedUserProvider({
        baseUrl: mock.url,
        appId,
        pool: [{ account: 'designated', password }],
      });
      const user = await users.acquire({ touches: ['FACE'] });
      const client = new EnrollFactorClient({ baseUrl: mock.url, appId, accessToken: user.accessToken });
      const { enrollmentToken } = await client.sendEnrollFactorRequest({ factorType: 'FACE' });
      await client.enrollFactor({
        factorType: 'FACE',
        enrollmentToken,
        enrollmentData: { photo: 'https://example.com/face.jpg', isExternalPhoto: true },
      });
      expect(await client.listEnrolledFactors()).toHaveLength(1);
      await users.release(user);
      expect(await client.listEnrolledFactors()).toEqual([]);

      const { enrollmentToken: again } = await client.sendEnrollFactorRequest({ factorType: 'FACE' });
      await client.enrollFactor({
        factorType: 'FACE',
        enrollmentToken: again,
        enrollmentData: { photo: 'https://example.com/face.jpg', isExternalPhoto: true },
      });
      const next = await users.acquire({ touches: ['FACE'] });
      expect(await client.listEnrolledFactors(), 'the FACE factor left bound is reset first').toEqual([]);
      await users.release(next);
    } finally {
      await mock.close();
    }
  });

  test('a reset the environment refuses is reported once, then tests that bind the type skip its user', async () => {
    const accounts = ['designated-1', 'designated-2'];
    const mock = await startMock({
      control: false,
      refuseResetOf: ['FACE'],
      seedUsers: accounts.map((account) => ({
        account,
        password: `pw-${account}`,
        email: `${account}@example.com`,
        appId: 'a1b2c3d4e5f6a1b2c3d4e5f7',
      })),
    });
    const bindFace = async (accessToken: string) => {
      const client = new EnrollFactorClient({ baseUrl: mock.url, appId, accessToken });
      const { enrollmentToken } = await client.sendEnrollFactorRequest({ factorType: 'FACE' });
      await client.enrollFactor({
        factorType: 'FACE',
        enrollmentToken,
        enrollmentData: { photo: 'https://example.com/face.jpg', isExternalPhoto: true },
      });
    };
    const appId = mock.seededUsers[0]?.appId ?? '';
    const provider = () =>
      designatedUserProvider({
        baseUrl: mock.url,
        appId,
        pool: accounts.map((account) => ({ account, password: `pw-${account}` })),
      });
    try {
      const users = provider();
      for (const account of accounts) {
        const user = await users.acquire({ touches: ['FACE'] });
        await bindFace(user.accessToken);
        await expect(users.release(user)).rejects.toThrow(
          new RegExp(
            `reset-factor refused to unbind the FACE \\S+ factor of ${account} after the test that bound it: it answered statusCode 400, "This factor cannot be unbound through reset-factor.*For the rest of the run, tests that bind FACE are not given this user`,
          ),
        );
      }
      const refusal = await users.acquire({ touches: ['FACE'] }).catch((error: Error) => error);
      expect(refusal).toBeInstanceOf(UnavailableError);
      expect((refusal as Error).message).toMatch(
        /no designated user can take a test that binds FACE: reset-factor refused .*designated-1.*; reset-factor refused .*designated-2/,
      );
      const otp = await users.acquire({ touches: ['OTP'] });
      await users.release(otp);

      const runId = process.env.HARNESS_RUN_ID;
      process.env.HARNESS_RUN_ID = `${runId}-next`;
      try {
        await expect(
          provider().acquire({ touches: ['FACE'] }),
          'the next run meets it once more',
        ).rejects.toThrow(
          /reset-factor refused to unbind the FACE \S+ factor of designated-1 left from an earlier run/,
        );
      } finally {
        process.env.HARNESS_RUN_ID = runId;
      }
    } finally {
      await mock.close();
    }
  });

  test('a wrong password stops with a clear sign-in error', async () => {
    const mock = await startMock({
      control: false,
      seedUsers: [{ account: 'designated', password: 'right' }],
    });
    try {
      const users = designatedUserProvider({
        baseUrl: mock.url,
        appId: mock.seededUsers[0]!.appId,
        pool: [{ account: 'designated', password: 'wrong' }],
      });
      await expect(users.acquire({ touches: [] })).rejects.toThrow(
        /signing in as designated at .* failed: statusCode \d+: .*Check GENAUTH_ACCOUNT, GENAUTH_PASSWORD/,
      );
    } finally {
      await mock.close();
    }
  });

  test('real time waits', async () => {
    const clock = realClock();
    const user = { accessToken: 'unused', appId: 'unused' };
    const before = await clock.now(user);
    await clock.advance(user, 120);
    expect((await clock.now(user)) - before).toBeGreaterThanOrEqual(115);
  });
});
