import {
  ERROR_CATALOG,
  ERROR_SCENARIOS,
  type FactorType,
  FIELD_LIMITS,
  isCatalogMessage,
  OtpAuthUriSchema,
  RecoveryCodeSchema,
} from '../../src/contract';
import { QrCodeScanError, scanOtpQrCode } from '../../src/enrollment/qr-scan';
import { DEFECT_IDS, type DefectId } from '../../src/mock/defects';
import {
  currentTotp,
  enroll,
  expect,
  type Harness,
  type MockUser,
  operationUrl,
  rawRequest,
  startEnrollment,
  test,
  uniquePhone,
  withMock,
} from './fixtures';

/** What a probe saw: `ok`, the catalog scenario of a failure, or `http-500`. */
type Outcome = string;

function outcomeOf(httpStatus: number, body: unknown): Outcome {
  if (httpStatus >= 500) return 'http-500';
  const envelope = body as { statusCode?: unknown; message?: unknown };
  if (envelope?.statusCode === 200 || envelope?.statusCode === '200') return 'ok';
  const match = ERROR_SCENARIOS.find(
    (scenario) =>
      ERROR_CATALOG[scenario].statusCode === Number(envelope?.statusCode) &&
      isCatalogMessage(scenario, envelope?.message),
  );
  return match ?? `unexpected ${JSON.stringify(body)}`;
}

async function call(
  harness: Harness,
  user: MockUser,
  operation: Parameters<typeof operationUrl>[1],
  options: {
    body?: unknown;
    rawBody?: string;
    query?: string;
    authorization?: string | null;
    contentType?: string;
  } = {},
) {
  const headers: Record<string, string> = {};
  if (options.authorization !== null)
    headers.authorization = options.authorization ?? `Bearer ${user.accessToken}`;
  const isPost = options.body !== undefined || options.rawBody !== undefined;
  if (isPost) headers['content-type'] = options.contentType ?? 'application/json';
  const answer = await rawRequest(operationUrl(harness.mock, operation, options.query), {
    method: isPost ? 'POST' : 'GET',
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  return { ...answer, outcome: outcomeOf(answer.status, answer.json) };
}

const enrollWith = (
  harness: Harness,
  user: MockUser,
  factorType: FactorType,
  enrollmentToken: string,
  enrollmentData: object,
) =>
  call(harness, user, 'enrollFactor', { body: { factorType, enrollmentToken, enrollmentData } }).then(
    (a) => a.outcome,
  );

const listedTypes = async (user: MockUser) =>
  (await user.client.listEnrolledFactors()).map((factor) => factor.factorType);

/** Binds an EMAIL factor and returns its id as the API lists it. */
const boundEmailId = async (harness: Harness, user: MockUser) => {
  await enroll(harness, user, 'EMAIL');
  const [email] = await user.client.listEnrolledFactors();
  return email?.factorId ?? '';
};

/** What an authenticator app scanning the QR image of an OTP enrollment finds: qrCodeUri, or the first problem. */
const scannedQrImage = async (user: MockUser) => {
  const { otpData } = await user.client.sendEnrollFactorRequest({ factorType: 'OTP' });
  try {
    scanOtpQrCode(otpData!);
    return 'holds qrCodeUri';
  } catch (error) {
    if (!(error instanceof QrCodeScanError)) throw error;
    return error.detail.split(/[:(]/)[0]?.trim();
  }
};

/** Binds `factorType` and resets it; answers what bound it (the code, or the TOTP secret's qrCodeUri). */
const bindAndReset = async (h: Harness, user: MockUser, factorType: 'OTP' | 'SMS') => {
  const started = await enroll(h, user, factorType);
  const [factor] = await user.client.listEnrolledFactors();
  await user.client.resetFactor({ factorId: factor?.factorId ?? '' });
  return started;
};

interface DefectProbe {
  /** Observes the behaviour the defect changes, on a fresh user of a fresh mock. */
  readonly probe: (harness: Harness, user: MockUser) => Promise<unknown>;
  readonly faithful: unknown;
  readonly defective: unknown;
}

const PROBES: Record<DefectId, DefectProbe> = {
  'accept-expired-token': {
    probe: async (h, user) => {
      const started = await startEnrollment(h, user, 'SMS');
      await h.control.advance(user.userId, 61_000);
      return enrollWith(h, user, 'SMS', started.enrollmentToken, { passCode: started.passCode });
    },
    faithful: 'enrollmentTokenExpired',
    defective: 'ok',
  },
  'expire-tokens-early': {
    probe: async (h, user) => {
      const started = await startEnrollment(h, user, 'SMS');
      await h.control.advance(user.userId, 31_000);
      return enrollWith(h, user, 'SMS', started.enrollmentToken, { passCode: started.passCode });
    },
    faithful: 'ok',
    defective: 'enrollmentTokenExpired',
  },
  'accept-any-passcode': {
    probe: async (h, user) => {
      const started = await startEnrollment(h, user, 'SMS');
      const wrong = started.passCode === '123456' ? '654321' : '123456';
      return enrollWith(h, user, 'SMS', started.enrollmentToken, { passCode: wrong });
    },
    faithful: 'wrongPassCode',
    defective: 'ok',
  },
  'accept-other-enrollment-code': {
    probe: async (h, user) => {
      const sms = await startEnrollment(h, user, 'SMS');
      const email = await startEnrollment(h, user, 'EMAIL');
      if (sms.passCode === email.passCode) return 'codes collided';
      return enrollWith(h, user, 'SMS', sms.enrollmentToken, { passCode: email.passCode });
    },
    faithful: 'wrongPassCode',
    defective: 'ok',
  },
  'accept-empty-passcode': {
    probe: async (h, user) => {
      const started = await startEnrollment(h, user, 'EMAIL');
      return enrollWith(h, user, 'EMAIL', started.enrollmentToken, { passCode: '  ' });
    },
    faithful: 'missingPassCode',
    defective: 'ok',
  },
  'totp-wrong-window': {
    probe: async (h, user) => {
      const started = await startEnrollment(h, user, 'OTP');
      const totp = OtpAuthUriSchema.parse(started.qrCodeUri);
      const fiveStepsAhead = totp.generate({ timestamp: (await h.control.now(user.userId)) + 150_000 });
      return enrollWith(h, user, 'OTP', started.enrollmentToken, { passCode: fiveStepsAhead });
    },
    faithful: 'wrongTotp',
    defective: 'ok',
  },
  'token-reusable': {
    probe: async (h, user) => {
      const started = await enroll(h, user, 'EMAIL');
      await user.client.resetFactor({ factorId: `${user.userId}|email` });
      return enrollWith(h, user, 'EMAIL', started.enrollmentToken, { passCode: started.passCode });
    },
    faithful: 'enrollmentTokenUsed',
    defective: 'ok',
  },
  'race-double-enroll': {
    probe: async (h, user) => {
      const started = await startEnrollment(h, user, 'SMS');
      const outcomes = await Promise.all(
        [1, 2].map(() => enrollWith(h, user, 'SMS', started.enrollmentToken, { passCode: started.passCode })),
      );
      return outcomes.sort();
    },
    faithful: ['enrollmentTokenUsed', 'ok'],
    defective: ['ok', 'ok'],
  },
  'accept-tampered-token': {
    probe: async (h, user) => {
      const started = await startEnrollment(h, user, 'SMS');
      const token = started.enrollmentToken;
      const tampered = `${token.slice(0, 100)}${token[100] === 'A' ? 'B' : 'A'}${token.slice(101)}`;
      return enrollWith(h, user, 'SMS', tampered, { passCode: started.passCode });
    },
    faithful: 'enrollmentTokenInvalid',
    defective: 'ok',
  },
  'ignore-factor-type-mismatch': {
    probe: async (h, user) => {
      const started = await startEnrollment(h, user, 'EMAIL');
      return enrollWith(h, user, 'SMS', started.enrollmentToken, { passCode: started.passCode });
    },
    faithful: 'enrollmentTokenMismatch',
    defective: 'ok',
  },
  'ignore-token-owner': {
    probe: async (h, user) => {
      const started = await startEnrollment(h, user, 'SMS');
      const other = await h.newUser();
      return enrollWith(h, other, 'SMS', started.enrollmentToken, { passCode: started.passCode });
    },
    faithful: 'enrollmentTokenMismatch',
    defective: 'ok',
  },
  'bind-nothing': {
    probe: async (h, user) => {
      await enroll(h, user, 'OTP');
      return listedTypes(user);
    },
    faithful: ['OTP'],
    defective: [],
  },
  'allow-duplicate-binding': {
    probe: async (h, user) => {
      await enroll(h, user, 'FACE');
      return (await call(h, user, 'sendEnrollFactorRequest', { body: { factorType: 'FACE', profile: {} } }))
        .outcome;
    },
    faithful: 'faceAlreadyBound',
    defective: 'ok',
  },
  'still-listed-to-enroll': {
    probe: async (h, user) => {
      await enroll(h, user, 'OTP');
      return (await user.client.listFactorsToEnroll()).map((factor) => factor.factorType);
    },
    faithful: ['SMS', 'EMAIL', 'FACE'],
    defective: ['OTP', 'SMS', 'EMAIL', 'FACE'],
  },
  'get-factor-not-found': {
    probe: async (h, user) => {
      await enroll(h, user, 'OTP');
      return (await call(h, user, 'getFactor', { query: `factorId=${user.userId}|otp` })).outcome;
    },
    faithful: 'ok',
    defective: 'unknownFactorId',
  },
  'reset-keeps-factor': {
    probe: async (h, user) => {
      await enroll(h, user, 'OTP');
      await user.client.resetFactor({ factorId: `${user.userId}|otp` });
      return listedTypes(user);
    },
    faithful: [],
    defective: ['OTP'],
  },
  'status-code-as-string': {
    probe: async (h, user) =>
      typeof ((await call(h, user, 'listEnrolledFactors')).json as { statusCode: unknown }).statusCode,
    faithful: 'number',
    defective: 'string',
  },
  'drop-api-code': {
    probe: async (h, user) =>
      (
        (await call(h, user, 'listEnrolledFactors', { authorization: 'Bearer nope' })).json as {
          apiCode?: number;
        }
      ).apiCode,
    faithful: 2020,
    defective: undefined,
  },
  'http-500-on-malformed-json': {
    probe: async (h, user) => (await call(h, user, 'enrollFactor', { rawBody: '{"factorType":' })).outcome,
    faithful: 'malformedJson',
    defective: 'http-500',
  },
  'http-500-on-long-fields': {
    probe: async (h, user) =>
      (await call(h, user, 'resetFactor', { body: { factorId: 'x'.repeat(FIELD_LIMITS.factorId + 1) } }))
        .outcome,
    faithful: 'fieldTooLong',
    defective: 'http-500',
  },
  'http-500-on-wrong-types': {
    probe: async (h, user) => (await call(h, user, 'resetFactor', { body: { factorId: ['x'] } })).outcome,
    faithful: 'wrongType',
    defective: 'http-500',
  },
  'skip-access-token-check': {
    probe: async (h, user) => (await call(h, user, 'listEnrolledFactors', { authorization: null })).outcome,
    faithful: 'notLoggedIn',
    defective: 'ok',
  },
  'reject-bare-token': {
    probe: async (h, user) =>
      (await call(h, user, 'listEnrolledFactors', { authorization: user.accessToken })).outcome,
    faithful: 'ok',
    defective: 'notLoggedIn',
  },
  'reject-id-token': {
    probe: async (h, user) =>
      (await call(h, user, 'listEnrolledFactors', { authorization: `Bearer ${user.idToken}` })).outcome,
    faithful: 'ok',
    defective: 'notLoggedIn',
  },
  'accept-mfa-token': {
    probe: async (h, user) =>
      (await call(h, user, 'listEnrolledFactors', { authorization: `Bearer ${user.mfaToken}` })).outcome,
    faithful: 'notLoggedIn',
    defective: 'ok',
  },
  'reject-charset-content-type': {
    probe: async (h, user) =>
      (
        await call(h, user, 'sendEnrollFactorRequest', {
          body: { factorType: 'OTP', profile: {} },
          contentType: 'application/json; charset=utf-8',
        })
      ).outcome,
    faithful: 'ok',
    defective: 'unsupportedContentType',
  },
  'require-profile': {
    probe: async (h, user) =>
      (await call(h, user, 'sendEnrollFactorRequest', { body: { factorType: 'FACE' } })).outcome,
    faithful: 'ok',
    defective: 'missingField',
  },
  'raw-pipe-not-found': {
    probe: async (h, user) => {
      const factorId = await boundEmailId(h, user);
      return (await call(h, user, 'getFactor', { query: `factorId=${factorId}` })).outcome;
    },
    faithful: 'ok',
    defective: 'unknownFactorId',
  },
  'no-resend-limit': {
    probe: async (h, user) => {
      const body = { factorType: 'SMS', profile: { phoneNumber: user.phoneNumber } };
      await call(h, user, 'sendEnrollFactorRequest', { body });
      return (await call(h, user, 'sendEnrollFactorRequest', { body })).outcome;
    },
    faithful: 'smsResendTooSoon',
    defective: 'ok',
  },
  'omit-otp-data': {
    probe: async (h, user) =>
      Boolean(
        (
          (await call(h, user, 'sendEnrollFactorRequest', { body: { factorType: 'OTP' } })).json as {
            data: { otpData?: unknown };
          }
        ).data.otpData,
      ),
    faithful: true,
    defective: false,
  },
  'invalid-base32-secret': {
    probe: async (_h, user) => {
      const data = await user.client.sendEnrollFactorRequest({ factorType: 'OTP' });
      return OtpAuthUriSchema.safeParse(data.otpData!.qrCodeUri).success;
    },
    faithful: true,
    defective: false,
  },
  'qr-image-other-secret': {
    probe: async (_h, user) => scannedQrImage(user),
    faithful: 'holds qrCodeUri',
    defective: "the QR image's secret differs from qrCodeUri",
  },
  'qr-image-without-code': {
    probe: async (_h, user) => scannedQrImage(user),
    faithful: 'holds qrCodeUri',
    defective: 'the QR image holds no QR code',
  },
  'accept-recovery-code': {
    probe: async (h, user) => {
      const { enrollmentToken, otpData } = await user.client.sendEnrollFactorRequest({ factorType: 'OTP' });
      return enrollWith(h, user, 'OTP', enrollmentToken, { passCode: otpData!.recoveryCode });
    },
    faithful: 'recoveryCodeAsPassCode',
    defective: 'ok',
  },
  'accept-earlier-totp-secret': {
    probe: async (h, user) => {
      const earlier = await bindAndReset(h, user, 'OTP');
      const started = await startEnrollment(h, user, 'OTP');
      const earlierCode = await currentTotp(h, user, earlier.qrCodeUri!);
      if (earlierCode === started.passCode) return 'codes collided';
      return enrollWith(h, user, 'OTP', started.enrollmentToken, { passCode: earlierCode });
    },
    faithful: 'wrongTotp',
    defective: 'ok',
  },
  'accept-code-from-before-reset': {
    probe: async (h, user) => {
      const earlier = await bindAndReset(h, user, 'SMS');
      const { enrollmentToken } = await user.client.sendEnrollFactorRequest({
        factorType: 'SMS',
        profile: { phoneNumber: uniquePhone() },
      });
      return enrollWith(h, user, 'SMS', enrollmentToken, { passCode: earlier.passCode! });
    },
    faithful: 'wrongPassCode',
    defective: 'ok',
  },
  'bad-recovery-code': {
    probe: async (_h, user) => {
      const data = await user.client.sendEnrollFactorRequest({ factorType: 'OTP' });
      return RecoveryCodeSchema.safeParse(data.otpData!.recoveryCode).success;
    },
    faithful: true,
    defective: false,
  },
  'generic-totp-issuer': {
    probe: async (_h, user) => {
      const data = await user.client.sendEnrollFactorRequest({ factorType: 'OTP' });
      return OtpAuthUriSchema.parse(data.otpData!.qrCodeUri).issuer === user.userPoolName;
    },
    faithful: true,
    defective: false,
  },
  'eight-digit-codes': {
    probe: async (h, user) => (await startEnrollment(h, user, 'SMS')).passCode?.length,
    faithful: 6,
    defective: 8,
  },
  'face-without-photo': {
    probe: async (h, user) => {
      const started = await startEnrollment(h, user, 'FACE');
      return enrollWith(h, user, 'FACE', started.enrollmentToken, {});
    },
    faithful: 'facePhotoMissing',
    defective: 'ok',
  },
  'ignore-external-photo-flag': {
    probe: async (h, user) => {
      const started = await startEnrollment(h, user, 'FACE');
      return enrollWith(h, user, 'FACE', started.enrollmentToken, {
        photo: 'https://cdn.example.test/face.jpg',
        isExternalPhoto: 'false',
      });
    },
    faithful: 'wrongType',
    defective: 'ok',
  },
  'face-without-contact': {
    probe: async (h) => {
      const user = await h.newUser({ phoneNumber: undefined, email: undefined });
      return call(h, user, 'sendEnrollFactorRequest', { body: { factorType: 'FACE' } }).then(
        (a) => a.outcome,
      );
    },
    faithful: 'faceNeedsPhoneOrEmail',
    defective: 'ok',
  },
  'drop-profile': {
    probe: async (h, user) => {
      await enroll(h, user, 'SMS');
      const [sms] = await user.client.listEnrolledFactors();
      return sms?.profile?.phoneNumber === user.phoneNumber;
    },
    faithful: true,
    defective: false,
  },
  'duplicate-listing': {
    probe: async (h, user) => {
      await enroll(h, user, 'EMAIL');
      return (await user.client.listEnrolledFactors()).length;
    },
    faithful: 1,
    defective: 2,
  },
  'get-factor-wrong-type': {
    probe: async (h, user) =>
      (await user.client.getFactor({ factorId: await boundEmailId(h, user) })).factorType,
    faithful: 'EMAIL',
    defective: 'FACE',
  },
  'get-any-factor': {
    probe: async (h, user) => {
      const factorId = await boundEmailId(h, user);
      const intruder = await h.newUser();
      return call(h, intruder, 'getFactor', { query: `factorId=${encodeURIComponent(factorId)}` }).then(
        (a) => a.outcome,
      );
    },
    faithful: 'unknownFactorId',
    defective: 'ok',
  },
  'reset-any-factor': {
    probe: async (h, user) => {
      const factorId = await boundEmailId(h, user);
      const intruder = await h.newUser();
      const outcome = await call(h, intruder, 'resetFactor', { body: { factorId } }).then((a) => a.outcome);
      return [outcome, await listedTypes(user)];
    },
    faithful: ['unknownFactorId', ['EMAIL']],
    defective: ['ok', []],
  },
  'reset-other-factor': {
    probe: async (h, user) => {
      await enroll(h, user, 'OTP');
      await enroll(h, user, 'EMAIL');
      const email = (await user.client.listEnrolledFactors()).find((factor) => factor.factorType === 'EMAIL');
      await user.client.resetFactor({ factorId: email?.factorId ?? '' });
      return listedTypes(user);
    },
    faithful: ['OTP'],
    defective: ['EMAIL'],
  },
  'totp-verify-accepts-any': {
    probe: async (h, user) => {
      const started = await enroll(h, user, 'OTP');
      const wrong = started.passCode === '123456' ? '654321' : '123456';
      return (await user.client.mfaOtpVerify({ totp: wrong })).verified;
    },
    faithful: false,
    defective: true,
  },
  'totp-verify-without-factor': {
    probe: async (h, user) =>
      call(h, user, 'mfaOtpVerify', { body: { totp: '123456' } }).then((a) => a.outcome),
    faithful: 'otpNotEnrolled',
    defective: 'ok',
  },
  'ignore-unknown-app': {
    probe: async (h, user) => {
      const answer = await rawRequest(operationUrl(h.mock, 'listFactorsToEnroll'), {
        method: 'GET',
        headers: { authorization: `Bearer ${user.accessToken}`, 'x-authing-app-id': 'f'.repeat(24) },
      });
      return outcomeOf(answer.status, answer.json);
    },
    faithful: 'appNotFound',
    defective: 'ok',
  },
  'ignore-token-app': {
    probe: async (h, user) => {
      const other = await h.newUser();
      const answer = await rawRequest(operationUrl(h.mock, 'listFactorsToEnroll'), {
        method: 'GET',
        headers: { authorization: `Bearer ${user.accessToken}`, 'x-authing-app-id': other.appId },
      });
      return outcomeOf(answer.status, answer.json);
    },
    faithful: 'notLoggedIn',
    defective: 'ok',
  },
  'no-throttling': {
    probe: async (h) => {
      const user = await h.newUser({ userPoolName: 'ThrottledPool', rateLimitPerSecond: 2 });
      const outcomes = await Promise.all(
        [1, 2, 3, 4, 5, 6].map(() => call(h, user, 'listFactorsToEnroll').then((a) => a.outcome)),
      );
      return outcomes.includes('throttled');
    },
    faithful: true,
    defective: false,
  },
  'throttle-as-success': {
    probe: async (h) => {
      const user = await h.newUser({ userPoolName: 'ThrottledPool', rateLimitPerSecond: 1 });
      const answers = await Promise.all([1, 2, 3, 4].map(() => call(h, user, 'listFactorsToEnroll')));
      return answers.some((a) => a.status === 200 && a.outcome === 'ok' && !('data' in (a.json as object)));
    },
    faithful: false,
    defective: true,
  },
  'accept-any-content-type': {
    probe: async (h, user) => {
      const answer = await rawRequest(operationUrl(h.mock, 'sendEnrollFactorRequest'), {
        method: 'POST',
        headers: { authorization: `Bearer ${user.accessToken}`, 'content-type': 'text/plain' },
        body: JSON.stringify({ factorType: 'OTP' }),
      });
      return outcomeOf(answer.status, answer.json);
    },
    faithful: 'unsupportedContentType',
    defective: 'ok',
  },
  'no-payload-limit': {
    probe: async (h, user) =>
      call(h, user, 'sendEnrollFactorRequest', {
        body: { factorType: 'OTP', padding: 'x'.repeat(70_000) },
      }).then((a) => a.outcome),
    faithful: 'payloadTooLarge',
    defective: 'ok',
  },
  'text-plain-answers': {
    probe: async (h, user) => (await call(h, user, 'listFactorsToEnroll')).contentType.split(';')[0],
    faithful: 'application/json',
    defective: 'text/plain',
  },
};

test.describe('every provider defect changes the mock behaviour it names', () => {
  for (const id of DEFECT_IDS) {
    test(`switching on ${id} changes the answer from the faithful one`, async () => {
      const { probe, faithful, defective } = PROBES[id];
      const faithfulSeen = await withMock({}, async (h) => probe(h, await h.newUser()));
      const defectiveSeen = await withMock({ defects: [id] }, async (h) => probe(h, await h.newUser()));
      expect(faithfulSeen, 'behaviour with no defect').toEqual(faithful);
      expect(defectiveSeen, `behaviour with ${id}`).toEqual(defective);
    });
  }

  test('a defect switched on at run time through the control plane takes effect and can be switched off', async ({
    harness,
    user,
  }) => {
    const probe = () =>
      call(harness, user, 'listEnrolledFactors', { authorization: user.accessToken }).then((a) => a.outcome);
    expect(await probe()).toBe('ok');
    await harness.control.setDefects(['reject-bare-token']);
    try {
      expect(await probe()).toBe('notLoggedIn');
    } finally {
      await harness.control.setDefects([]);
    }
    expect(await probe()).toBe('ok');
  });
});
