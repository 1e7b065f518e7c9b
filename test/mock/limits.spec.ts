import { ERROR_CATALOG, FIELD_LIMITS, type OperationName } from '../../src/contract';
import { startMock } from '../../src/mock/server';
import { expect, type Harness, type MockUser, test } from './fixtures';

/** Everything a failed request must leave as it was: the mock's sizes, the user's factors and their outbox. */
async function snapshot(harness: Harness, user: MockUser) {
  return {
    stats: await harness.control.stats(),
    factors: await user.client.listEnrolledFactors(),
    outbox: await harness.control.outbox(user.email),
  };
}

const over = (field: keyof typeof FIELD_LIMITS) => '1'.repeat(FIELD_LIMITS[field] + 1);

/** One request per limited field of the public API, that field one character over its limit. */
const OVERLONG: ReadonlyArray<readonly [string, OperationName, (user: MockUser) => Record<string, unknown>]> =
  [
    [
      'profile.phoneNumber',
      'sendEnrollFactorRequest',
      () => ({ factorType: 'SMS', profile: { phoneNumber: over('phoneNumber') } }),
    ],
    [
      'profile.phoneCountryCode',
      'sendEnrollFactorRequest',
      (user) => ({
        factorType: 'SMS',
        profile: { phoneNumber: user.phoneNumber, phoneCountryCode: over('phoneCountryCode') },
      }),
    ],
    [
      'profile.email',
      'sendEnrollFactorRequest',
      () => ({ factorType: 'EMAIL', profile: { email: `${over('email')}@x.test` } }),
    ],
    [
      'enrollmentToken',
      'enrollFactor',
      () => ({ factorType: 'SMS', enrollmentToken: over('enrollmentToken'), enrollmentData: {} }),
    ],
    [
      'enrollmentData.passCode',
      'enrollFactor',
      () => ({ factorType: 'SMS', enrollmentToken: 'token', enrollmentData: { passCode: over('passCode') } }),
    ],
    [
      'enrollmentData.photo',
      'enrollFactor',
      () => ({ factorType: 'FACE', enrollmentToken: 'token', enrollmentData: { photo: over('photo') } }),
    ],
    ['factorId of reset-factor', 'resetFactor', () => ({ factorId: over('factorId') })],
    ['factorId of get-factor', 'getFactor', () => ({ factorId: over('factorId') })],
    ['totp', 'mfaOtpVerify', () => ({ totp: over('passCode') })],
  ];

test.describe('values longer than the API accepts', () => {
  for (const [field, operation, bodyOf] of OVERLONG) {
    test(`${field} one character over its limit is answered fieldTooLong and changes nothing`, async ({
      harness,
      user,
    }) => {
      const before = await snapshot(harness, user);
      const input = bodyOf(user);
      const result =
        operation === 'getFactor'
          ? await user.client.raw(operation, { query: input as Record<string, string> })
          : await user.client.raw(operation, { body: input });
      expect(result).toMatchObject({ ok: false });
      expect(result.envelope).toMatchObject({
        statusCode: ERROR_CATALOG.fieldTooLong.statusCode,
        message: ERROR_CATALOG.fieldTooLong.message,
      });
      expect(await snapshot(harness, user)).toEqual(before);
    });
  }

  test('an email of exactly its limit is still accepted', async ({ user }) => {
    const email = `${'a'.repeat(FIELD_LIMITS.email - '@x.test'.length)}@x.test`;
    expect(email).toHaveLength(FIELD_LIMITS.email);
    const sent = await user.client.attempt('sendEnrollFactorRequest', {
      factorType: 'EMAIL',
      profile: { email },
    });
    expect(sent).toMatchObject({ ok: true });
  });

  test('binding a 3,000-character email is refused, and OTP can still be requested after it', async ({
    harness,
    user,
  }) => {
    const email = `${'e'.repeat(2_990)}@x.test`;
    const before = await snapshot(harness, user);
    const bind = await user.client.attempt('sendEnrollFactorRequest', {
      factorType: 'EMAIL',
      profile: { email },
    });
    expect(bind.ok === false && bind.envelope.message).toBe(ERROR_CATALOG.fieldTooLong.message);
    expect(await snapshot(harness, user)).toEqual(before);
    expect(await harness.control.outbox(email)).toEqual([]);
    const otp = await user.client.attempt('sendEnrollFactorRequest', { factorType: 'OTP' });
    expect(otp).toMatchObject({ ok: true });
  });

  test('an OTP URI too long for a QR code is answered fieldTooLong, not HTTP 500, and stores nothing', async ({
    harness,
  }) => {
    // Within every limit, yet each of these characters takes nine characters once URL-encoded.
    const user = await harness.newUser({
      email: '中'.repeat(FIELD_LIMITS.email),
      userPoolName: '池'.repeat(FIELD_LIMITS.userPoolName),
    });
    const before = await snapshot(harness, user);
    const result = await user.client.attempt('sendEnrollFactorRequest', { factorType: 'OTP' });
    expect(result.httpStatus).toBe(200);
    expect(result.ok === false && result.envelope.message).toBe(ERROR_CATALOG.fieldTooLong.message);
    expect(await snapshot(harness, user)).toEqual(before);
    expect((await harness.control.stats()).pendingEnrollments).toBe(before.stats.pendingEnrollments);
  });

  test('the control plane refuses users with values over the limits, naming the limit', async ({
    control,
  }) => {
    for (const body of [
      { email: `${over('email')}@x.test` },
      { phoneNumber: over('phoneNumber') },
      { userPoolName: over('userPoolName') },
    ]) {
      const answer = await control.raw('POST', '/users', body);
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toMatch(/must be at most \d+ characters/);
    }
  });

  test('seed users and the default pool name over the limits are refused at start-up', async () => {
    await expect(
      startMock({
        port: 0,
        defaultUserPoolName: over('userPoolName'),
        seedUsers: [{ account: over('signinName'), password: 'pw' }],
      }),
    ).rejects.toThrow(/defaultUserPoolName: must be at most 64 characters[\s\S]*account: must be at most/);
  });
});
