import QRCode from 'qrcode';
import {
  FACTOR_TYPES,
  LoginTokenRespDtoSchema,
  OtpAuthUriSchema,
  RecoveryCodeSchema,
  totpSecretOf,
} from '../../src/contract';
import { OPENAPI_EXAMPLES } from '../contract/openapi-examples';
import {
  currentTotp,
  enroll,
  enrollmentDataFor,
  expect,
  operationUrl,
  rawRequest,
  startEnrollment,
  test,
  uniqueEmail,
  uniquePhone,
  withMock,
} from './fixtures';

test.describe('enrollment of every factor type', () => {
  for (const factorType of FACTOR_TYPES) {
    test(`a ${factorType} factor enrolls, is listed and readable, and leaves the factors to enroll`, async ({
      harness,
      user,
    }) => {
      expect((await user.client.listFactorsToEnroll()).map((f) => f.factorType)).toContain(factorType);
      await enroll(harness, user, factorType);
      const listed = await user.client.listEnrolledFactors();
      expect(listed.map((factor) => factor.factorType)).toEqual([factorType]);
      const factorId = listed[0]!.factorId;
      expect(factorId).toBe(
        `${user.userId}|${{ SMS: 'phone', EMAIL: 'email', OTP: 'otp', FACE: 'face' }[factorType]}`,
      );
      expect(await user.client.getFactor({ factorId })).toEqual(listed[0]);
      expect((await user.client.listFactorsToEnroll()).map((f) => f.factorType)).not.toContain(factorType);
    });
  }

  test('SMS and EMAIL factors keep the profile they were enrolled with', async ({ harness, user }) => {
    await enroll(harness, user, 'SMS');
    await enroll(harness, user, 'EMAIL');
    const profiles = Object.fromEntries(
      (await user.client.listEnrolledFactors()).map((f) => [f.factorType, f.profile]),
    );
    expect(profiles).toEqual({
      SMS: { phoneNumber: user.phoneNumber, phoneCountryCode: '+86' },
      EMAIL: { email: user.email },
    });
  });

  test('reset-factor unbinds a factor, which then can be enrolled again', async ({ harness, user }) => {
    await enroll(harness, user, 'OTP');
    await user.client.resetFactor({ factorId: `${user.userId}|otp` });
    expect(await user.client.listEnrolledFactors()).toEqual([]);
    const gone = await user.client.attempt('getFactor', { factorId: `${user.userId}|otp` });
    expect(gone).toMatchObject({ ok: false });
    await enroll(harness, user, 'OTP');
    expect((await user.client.listEnrolledFactors()).map((f) => f.factorType)).toEqual(['OTP']);
  });

  test('with opaque factor ids, every factor gets a fresh id that names neither user nor type', async () => {
    await withMock({ factorIds: 'opaque' }, async (harness) => {
      const user = await harness.newUser();
      for (const factorType of FACTOR_TYPES) await enroll(harness, user, factorType);
      const ids = (await user.client.listEnrolledFactors()).map((factor) => factor.factorId);
      expect(new Set(ids).size).toBe(FACTOR_TYPES.length);
      for (const factorId of ids) {
        expect(factorId).not.toContain(user.userId);
        expect(factorId).not.toMatch(/phone|email|otp|face/i);
        expect(factorId, "the real ids' separator stays, so a mangled | is still caught").toContain('|');
        expect((await user.client.getFactor({ factorId })).factorId).toBe(factorId);
      }
      await user.client.resetFactor({ factorId: ids[0]! });
      expect(await user.client.listEnrolledFactors()).toHaveLength(FACTOR_TYPES.length - 1);
    });
  });

  test("another user's factor can be neither read nor reset", async ({ harness, user }) => {
    await enroll(harness, user, 'OTP');
    const other = await harness.newUser();
    const factorId = `${user.userId}|otp`;
    expect(await other.client.attempt('getFactor', { factorId })).toMatchObject({ ok: false });
    expect(await other.client.attempt('resetFactor', { factorId })).toMatchObject({ ok: false });
    expect((await user.client.listEnrolledFactors()).map((f) => f.factorId)).toEqual([factorId]);
  });
});

test.describe('what send-enroll-factor-request hands out', () => {
  test('the enrollment token is 172 characters of base64 for 128 bytes and new on every request', async ({
    user,
  }) => {
    const first = await user.client.sendEnrollFactorRequest({ factorType: 'OTP' });
    const second = await user.client.sendEnrollFactorRequest({ factorType: 'FACE', profile: {} });
    for (const { enrollmentToken } of [first, second]) {
      expect(enrollmentToken).toMatch(/^[A-Za-z0-9+/]{170}==$|^[A-Za-z0-9+/]{171}=$/);
      expect(enrollmentToken).toHaveLength(172);
      expect(Buffer.from(enrollmentToken, 'base64')).toHaveLength(128);
    }
    expect(first.enrollmentToken).not.toBe(second.enrollmentToken);
  });

  test('OTP data carries the documented URI, a PNG QR code of exactly that URI and a recovery code', async ({
    harness,
  }) => {
    const user = await harness.newUser({ email: 'otp+user@example.test', userPoolName: 'GuardPool' });
    const { otpData } = await user.client.sendEnrollFactorRequest({ factorType: 'OTP' });
    const uri = otpData!.qrCodeUri;
    expect(uri).toMatch(
      /^otpauth:\/\/totp\/GuardPool:otp%2Buser%40example\.test\?secret=[A-Z2-7]{16}&period=30&digits=6&algorithm=SHA1&issuer=GuardPool$/,
    );
    const totp = OtpAuthUriSchema.parse(uri);
    expect(totpSecretOf(totp)).toHaveLength(16);
    const png = Buffer.from(otpData!.qrCodeDataUrl.replace('data:image/png;base64,', ''), 'base64');
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const expected = await QRCode.toDataURL(uri, {
      type: 'image/png',
      errorCorrectionLevel: 'M',
      margin: 1,
      width: 212,
    });
    expect(otpData!.qrCodeDataUrl).toBe(expected);
    expect(RecoveryCodeSchema.safeParse(otpData!.recoveryCode).success).toBe(true);
  });

  test('SMS and EMAIL codes are delivered with the configured length', async () => {
    await withMock({ codeLength: 8 }, async (harness) => {
      const user = await harness.newUser();
      const sms = await startEnrollment(harness, user, 'SMS');
      const email = await startEnrollment(harness, user, 'EMAIL');
      expect(sms.passCode).toMatch(/^\d{8}$/);
      expect(email.passCode).toMatch(/^\d{8}$/);
      const [entry] = await harness.control.outbox(user.phoneNumber);
      expect(entry).toMatchObject({ to: user.phoneNumber, channel: 'SMS', code: sms.passCode });
    });
  });

  test('the same phone number can get a new code once 60 seconds have passed on the sender’s clock', async ({
    harness,
    user,
  }) => {
    const body = { factorType: 'SMS' as const, profile: { phoneNumber: user.phoneNumber } };
    await user.client.sendEnrollFactorRequest(body);
    expect(await user.client.attempt('sendEnrollFactorRequest', body)).toMatchObject({ ok: false });
    await harness.control.advance(user.userId, 60_000);
    expect(await user.client.attempt('sendEnrollFactorRequest', body)).toMatchObject({ ok: true });
    expect(await harness.control.outbox(user.phoneNumber)).toHaveLength(2);
  });
});

test.describe('requests as real clients send them', () => {
  test('the access token is accepted as "Bearer <token>" and as the bare token', async ({ user }) => {
    expect(await user.client.with({ authScheme: 'bearer' }).listEnrolledFactors()).toEqual([]);
    expect(await user.client.with({ authScheme: 'bare' }).listEnrolledFactors()).toEqual([]);
  });

  test('the app id is accepted in x-authing-app-id or x-genauth-app-id, or missing, and other x-authing headers are ignored', async ({
    user,
  }) => {
    expect(await user.client.with({ appIdHeader: 'x-genauth-app-id' }).listEnrolledFactors()).toEqual([]);
    expect(await user.client.with({ appId: undefined }).listEnrolledFactors()).toEqual([]);
    const result = await user.client.raw('listEnrolledFactors', {
      headers: {
        'x-authing-userpool-id': 'whatever',
        'x-authing-sdk-version': 'go:3',
        'x-authing-lang': 'en-US',
      },
    });
    expect(result).toMatchObject({ ok: true });
  });

  test('factorId is found URL-encoded, with a raw bar and with a trailing ampersand', async ({
    harness,
    user,
  }) => {
    await enroll(harness, user, 'SMS');
    for (const query of [
      `factorId=${user.userId}%7Cphone`,
      `factorId=${user.userId}|phone`,
      `factorId=${user.userId}|phone&`,
    ]) {
      const answer = await rawRequest(operationUrl(harness.mock, 'getFactor', query), {
        method: 'GET',
        headers: { authorization: user.accessToken },
      });
      expect(answer.json, query).toMatchObject({
        statusCode: 200,
        data: { factorId: `${user.userId}|phone` },
      });
    }
  });

  test('extra profile fields are tolerated, and OTP and FACE need no profile', async ({ user }) => {
    const sms = await user.client.attempt('sendEnrollFactorRequest', {
      factorType: 'SMS',
      profile: { phoneNumber: user.phoneNumber, phoneCountryCode: '+86', email: user.email, nickname: 'x' },
    });
    expect(sms).toMatchObject({ ok: true });
    for (const body of [
      { factorType: 'OTP' },
      { factorType: 'OTP', profile: {} },
      { factorType: 'FACE' },
      { factorType: 'FACE', profile: {} },
    ]) {
      expect(await user.client.raw('sendEnrollFactorRequest', { body }), JSON.stringify(body)).toMatchObject({
        ok: true,
      });
    }
  });

  test('a FACE photo may be an external https URL when isExternalPhoto is true', async ({
    harness,
    user,
  }) => {
    const started = await startEnrollment(harness, user, 'FACE');
    await user.client.enrollFactor({
      factorType: 'FACE',
      enrollmentToken: started.enrollmentToken,
      enrollmentData: { photo: 'https://cdn.example.test/face.jpg', isExternalPhoto: true },
    });
    expect((await user.client.listEnrolledFactors()).map((f) => f.factorType)).toEqual(['FACE']);
  });

  test('a FACE photo given as an upload key with isExternalPhoto true is bound, as in the official example', async ({
    harness,
    user,
  }) => {
    const started = await startEnrollment(harness, user, 'FACE');
    const { photo, isExternalPhoto } = OPENAPI_EXAMPLES.enrollFactorDto.enrollmentData;
    await user.client.enrollFactor({
      factorType: 'FACE',
      enrollmentToken: started.enrollmentToken,
      enrollmentData: { photo, isExternalPhoto },
    });
    expect((await user.client.listEnrolledFactors()).map((f) => f.factorType)).toEqual(['FACE']);
  });

  test('every answer carries a request id of its own', async ({ user }) => {
    const first = await user.client.call('listEnrolledFactors', {});
    const second = await user.client.call('listEnrolledFactors', {});
    expect(first.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.requestId).not.toBe(second.requestId);
    expect(first.message).toBe('Operation successful');
  });
});

test.describe('TOTP and virtual time', () => {
  test('enroll-factor accepts the TOTP of one step before and after, but not two', async ({ harness }) => {
    const outcomes: Record<string, boolean> = {};
    for (const offset of [-60_000, -30_000, 30_000, 60_000]) {
      const user = await harness.newUser();
      const started = await startEnrollment(harness, user, 'OTP');
      const passCode = await currentTotp(harness, user, started.qrCodeUri!, offset);
      const result = await user.client.attempt('enrollFactor', {
        factorType: 'OTP',
        enrollmentToken: started.enrollmentToken,
        enrollmentData: { passCode },
      });
      outcomes[offset] = result.ok;
    }
    expect(outcomes).toEqual({ '-60000': false, '-30000': true, '30000': true, '60000': false });
  });

  test('mfa-totp-verify says verified for the current code and not for a wrong one', async ({
    harness,
    user,
  }) => {
    const started = await enroll(harness, user, 'OTP');
    const code = await currentTotp(harness, user, started.qrCodeUri!);
    expect(await user.client.mfaOtpVerify({ totp: code })).toEqual({ verified: true });
    const wrong = String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');
    expect(await user.client.mfaOtpVerify({ totp: wrong })).toEqual({ verified: false });
  });

  test("moving one user's clock expires only that user's enrollment token", async ({ harness }) => {
    const moved = await harness.newUser();
    const still = await harness.newUser();
    const movedStart = await startEnrollment(harness, moved, 'SMS');
    const stillStart = await startEnrollment(harness, still, 'SMS');
    await harness.control.advance(moved.userId, 61_000);
    const attempt = (user: typeof moved, started: typeof movedStart) =>
      user.client.attempt('enrollFactor', {
        factorType: 'SMS',
        enrollmentToken: started.enrollmentToken,
        enrollmentData: enrollmentDataFor('SMS', started),
      });
    expect(await attempt(moved, movedStart)).toMatchObject({ ok: false });
    expect(await attempt(still, stillStart)).toMatchObject({ ok: true });
  });

  test('the clock of a user moves forward by exactly the advance', async ({ harness, user }) => {
    const before = await harness.control.now(user.userId);
    const { now } = await harness.control.advance(user.userId, 3_600_000);
    expect(now - before).toBeGreaterThanOrEqual(3_600_000);
    expect(now - before).toBeLessThan(3_600_000 + 5_000);
  });
});

test.describe('sign-in of seeded users', () => {
  test('a seeded user signs in with account and password and the token works on the MFA endpoints', async () => {
    const email = uniqueEmail();
    const seed = {
      account: 'rehearsal',
      password: 's3cret-pass',
      email,
      phoneNumber: uniquePhone(),
      factorTypes: ['OTP' as const, 'EMAIL' as const],
    };
    await withMock({ seedUsers: [seed], control: false }, async ({ mock }) => {
      const [seeded] = mock.seededUsers;
      for (const passwordPayload of [{ account: 'rehearsal' }, { email }]) {
        const answer = await rawRequest(`${mock.url}/api/v3/signin`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-authing-app-id': seeded!.appId },
          body: JSON.stringify({
            connection: 'PASSWORD',
            passwordPayload: { ...passwordPayload, password: seed.password },
          }),
        });
        const login = LoginTokenRespDtoSchema.parse(answer.json);
        const factors = await rawRequest(`${mock.url}/api/v3/list-factors-to-enroll`, {
          method: 'GET',
          headers: { authorization: login.data.access_token, 'x-authing-app-id': seeded!.appId },
        });
        expect(factors.json).toMatchObject({
          statusCode: 200,
          data: [{ factorType: 'OTP' }, { factorType: 'EMAIL' }],
        });
      }
      const control = await rawRequest(`${mock.url}/__mock/health`, { method: 'GET' });
      expect(control.status).toBe(404);
    });
  });

  test('the id_token of a sign-in is a credential of its own, accepted as the bearer like the mobile SDKs send it', async () => {
    const seed = { account: 'mobile', password: 's3cret-pass', email: uniqueEmail() };
    await withMock({ seedUsers: [seed], control: false }, async ({ mock }) => {
      const [seeded] = mock.seededUsers;
      const answer = await rawRequest(`${mock.url}/api/v3/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-authing-app-id': seeded!.appId },
        body: JSON.stringify({
          connection: 'PASSWORD',
          passwordPayload: { account: 'mobile', password: seed.password },
        }),
      });
      const { access_token: accessToken, id_token: idToken } = LoginTokenRespDtoSchema.parse(
        answer.json,
      ).data;
      expect(idToken).toBeDefined();
      expect(idToken).not.toBe(accessToken);
      const listed = await rawRequest(`${mock.url}/api/v3/list-enrolled-factors`, {
        method: 'GET',
        headers: { authorization: `Bearer ${idToken}`, 'x-authing-app-id': seeded!.appId },
      });
      expect(listed.json).toMatchObject({ statusCode: 200, data: [] });
    });
  });
});
