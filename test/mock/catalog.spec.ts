import {
  catalogMessage,
  ERROR_CATALOG,
  ERROR_SCENARIOS,
  type ErrorScenario,
  type OperationName,
} from '../../src/contract';
import { resolveMockOptions } from '../../src/mock/options';
import {
  enroll,
  expect,
  type Harness,
  type MockUser,
  operationUrl,
  rawRequest,
  startEnrollment,
  test,
  withMock,
} from './fixtures';

interface Observed {
  readonly httpStatus: number;
  readonly envelope: unknown;
}

type Producer = (harness: Harness, user: MockUser) => Promise<Observed>;

const failure = async (result: Promise<{ ok: boolean; httpStatus: number; envelope: unknown }>) => {
  const { ok, httpStatus, envelope } = await result;
  expect(ok, `expected a failure, got ${JSON.stringify(envelope)}`).toBe(false);
  return { httpStatus, envelope };
};

const raw = async (url: string, init: Parameters<typeof rawRequest>[1]): Promise<Observed> => {
  const answer = await rawRequest(url, init);
  return { httpStatus: answer.status, envelope: answer.json };
};

const post = (
  harness: Harness,
  user: MockUser,
  operation: OperationName,
  body: string,
  contentType?: string,
) =>
  raw(operationUrl(harness.mock, operation), {
    method: 'POST',
    headers: { authorization: user.accessToken, ...(contentType ? { 'content-type': contentType } : {}) },
    body,
  });

const sendThenEnroll = async (_harness: Harness, user: MockUser, enrollmentData: Record<string, unknown>) => {
  const { enrollmentToken } = await user.client.sendEnrollFactorRequest({
    factorType: 'SMS',
    profile: { phoneNumber: user.phoneNumber },
  });
  return failure(user.client.attempt('enrollFactor', { factorType: 'SMS', enrollmentToken, enrollmentData }));
};

/** Binds EMAIL and answers the bound factor as list-enrolled-factors shows it. */
const bindEmail = async (h: Harness, user: MockUser) => {
  await enroll(h, user, 'EMAIL');
  const factor = (await user.client.listEnrolledFactors()).find((item) => item.factorType === 'EMAIL');
  expect(factor, 'the EMAIL factor just bound').toBeDefined();
  return { factorId: factor?.factorId ?? '' };
};

/** How to make the mock answer each catalog scenario through its public API. */
const PRODUCERS: Record<Exclude<ErrorScenario, 'throttled' | 'wrongCredentials'>, Producer> = {
  notLoggedIn: (_h, user) =>
    failure(user.client.with({ accessToken: 'not-a-token' }).attempt('listEnrolledFactors', {})),
  appNotFound: (_h, user) =>
    failure(user.client.with({ appId: 'ffffffffffffffffffffffff' }).attempt('listEnrolledFactors', {})),
  malformedJson: (h, user) => post(h, user, 'enrollFactor', '{"factorType":', 'application/json'),
  unsupportedContentType: (h, user) => post(h, user, 'enrollFactor', '{}', 'text/plain'),
  payloadTooLarge: (h, user) =>
    post(
      h,
      user,
      'sendEnrollFactorRequest',
      JSON.stringify({ factorType: 'OTP', pad: 'x'.repeat(70_000) }),
      'application/json',
    ),
  missingField: (_h, user) => failure(user.client.raw('sendEnrollFactorRequest', { body: { profile: {} } })),
  unknownFactorType: (_h, user) =>
    failure(user.client.raw('sendEnrollFactorRequest', { body: { factorType: 'WEBAUTHN' } })),
  wrongType: (_h, user) => failure(user.client.raw('resetFactor', { body: { factorId: 42 } })),
  factorTypeNotEnabled: async (h) => {
    const user = await h.newUser({ factorTypes: ['OTP'] });
    return failure(
      user.client.attempt('sendEnrollFactorRequest', {
        factorType: 'SMS',
        profile: { phoneNumber: user.phoneNumber },
      }),
    );
  },
  enrollmentTokenExpired: async (h, user) => {
    const started = await startEnrollment(h, user, 'SMS');
    await h.control.advance(user.userId, 60_001);
    return failure(
      user.client.attempt('enrollFactor', {
        factorType: 'SMS',
        enrollmentToken: started.enrollmentToken,
        enrollmentData: { passCode: started.passCode },
      }),
    );
  },
  enrollmentTokenInvalid: (_h, user) =>
    failure(
      user.client.attempt('enrollFactor', {
        factorType: 'SMS',
        enrollmentToken: Buffer.alloc(128, 7).toString('base64'),
        enrollmentData: { passCode: '123456' },
      }),
    ),
  enrollmentTokenUsed: async (h, user) => {
    const started = await enroll(h, user, 'EMAIL');
    return failure(
      user.client.attempt('enrollFactor', {
        factorType: 'EMAIL',
        enrollmentToken: started.enrollmentToken,
        enrollmentData: { passCode: started.passCode },
      }),
    );
  },
  enrollmentTokenMismatch: async (h, user) => {
    const started = await startEnrollment(h, user, 'EMAIL');
    return failure(
      user.client.attempt('enrollFactor', {
        factorType: 'SMS',
        enrollmentToken: started.enrollmentToken,
        enrollmentData: { passCode: started.passCode },
      }),
    );
  },
  wrongPassCode: async (h, user) => {
    const started = await startEnrollment(h, user, 'SMS');
    const wrong = started.passCode === '000000' ? '111111' : '000000';
    return failure(
      user.client.attempt('enrollFactor', {
        factorType: 'SMS',
        enrollmentToken: started.enrollmentToken,
        enrollmentData: { passCode: wrong },
      }),
    );
  },
  missingPassCode: (h, user) => sendThenEnroll(h, user, {}),
  wrongTotp: async (h, user) => {
    const started = await startEnrollment(h, user, 'OTP');
    const wrong = started.passCode === '000000' ? '111111' : '000000';
    return failure(
      user.client.attempt('enrollFactor', {
        factorType: 'OTP',
        enrollmentToken: started.enrollmentToken,
        enrollmentData: { passCode: wrong },
      }),
    );
  },
  recoveryCodeAsPassCode: async (_h, user) => {
    const { enrollmentToken, otpData } = await user.client.sendEnrollFactorRequest({ factorType: 'OTP' });
    return failure(
      user.client.attempt('enrollFactor', {
        factorType: 'OTP',
        enrollmentToken,
        enrollmentData: { passCode: otpData!.recoveryCode },
      }),
    );
  },
  missingTotp: (_h, user) => failure(user.client.raw('mfaOtpVerify', { body: {} })),
  facePhotoMissing: async (_h, user) => {
    const { enrollmentToken } = await user.client.sendEnrollFactorRequest({
      factorType: 'FACE',
      profile: {},
    });
    return failure(
      user.client.attempt('enrollFactor', { factorType: 'FACE', enrollmentToken, enrollmentData: {} }),
    );
  },
  faceNeedsPhoneOrEmail: async (h) => {
    const created = await h.control.createUser({});
    const user = await h.newUser({});
    const bare = user.client.with({ accessToken: created.accessToken, appId: created.appId });
    return failure(bare.attempt('sendEnrollFactorRequest', { factorType: 'FACE', profile: {} }));
  },
  faceAlreadyBound: async (h, user) => {
    await enroll(h, user, 'FACE');
    return failure(user.client.attempt('sendEnrollFactorRequest', { factorType: 'FACE', profile: {} }));
  },
  factorAlreadyBound: async (h, user) => {
    await enroll(h, user, 'OTP');
    return failure(user.client.attempt('sendEnrollFactorRequest', { factorType: 'OTP' }));
  },
  smsResendTooSoon: async (_h, user) => {
    const body = { factorType: 'SMS', profile: { phoneNumber: user.phoneNumber } } as const;
    await user.client.sendEnrollFactorRequest(body);
    return failure(user.client.attempt('sendEnrollFactorRequest', body));
  },
  emailResendTooSoon: async (_h, user) => {
    const body = { factorType: 'EMAIL', profile: { email: user.email } } as const;
    await user.client.sendEnrollFactorRequest(body);
    return failure(user.client.attempt('sendEnrollFactorRequest', body));
  },
  factorResetRefused: async (h) => {
    const user = await h.newUser({ refuseResetOf: ['EMAIL'] });
    const { factorId } = await bindEmail(h, user);
    return failure(user.client.attempt('resetFactor', { factorId }));
  },
  unknownFactorId: (_h, user) =>
    failure(user.client.attempt('getFactor', { factorId: `${user.userId}|otp` })),
  routeNotFound: (h) => raw(`${h.mock.url}/api/v3/get-factors?factorId=x`, { method: 'GET' }),
  otpNotEnrolled: (_h, user) => failure(user.client.attempt('mfaOtpVerify', { totp: '123456' })),
  fieldTooLong: (_h, user) =>
    failure(
      user.client.attempt('sendEnrollFactorRequest', {
        factorType: 'EMAIL',
        profile: { email: `${'e'.repeat(3_000)}@example.test` },
      }),
    ),
};

/** What the answers of PRODUCERS name after the catalog's message, where the entry has a detail. */
const DETAILS: Partial<Record<ErrorScenario, string>> = { missingField: 'factorType' };

function expectCatalogAnswer(observed: Observed, scenario: ErrorScenario) {
  const entry = ERROR_CATALOG[scenario];
  expect(observed.httpStatus).toBe(entry.httpStatus);
  const envelope = observed.envelope as Record<string, unknown>;
  expect(envelope).toMatchObject({
    statusCode: entry.statusCode,
    message: catalogMessage(scenario, DETAILS[scenario]),
  });
  expect(envelope.apiCode).toBe('apiCode' in entry ? entry.apiCode : undefined);
  expect(envelope.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(envelope).not.toHaveProperty('data');
}

test.describe('every catalog entry is answered exactly as the catalog says', () => {
  for (const [scenario, produce] of Object.entries(PRODUCERS) as [ErrorScenario, Producer][]) {
    test(`the mock answers ${scenario} with the catalog's status, apiCode and message`, async ({
      harness,
      user,
    }) => {
      expectCatalogAnswer(await produce(harness, user), scenario);
    });
  }

  test('the mock answers throttled with HTTP 429 once a user pool exceeds its rate', async () => {
    await withMock({ rateLimitPerSecond: 5 }, async (harness) => {
      const user = await harness.newUser();
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => user.client.raw('listEnrolledFactors', {}).catch((error) => error)),
      );
      const throttled = answers.filter((answer) => answer.ok === false && answer.httpStatus === 429);
      expect(throttled.length).toBeGreaterThan(0);
      expectCatalogAnswer(throttled[0], 'throttled');
    });
  });

  test('the mock answers wrongCredentials when a seeded user signs in with the wrong password', async () => {
    await withMock(
      { seedUsers: [{ account: 'rehearsal', password: 'right-password' }] },
      async ({ mock }) => {
        const answer = await rawRequest(`${mock.url}/api/v3/signin`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-authing-app-id': mock.seededUsers[0]!.appId },
          body: JSON.stringify({
            connection: 'PASSWORD',
            passwordPayload: { account: 'rehearsal', password: 'wrong' },
          }),
        });
        expectCatalogAnswer({ httpStatus: answer.status, envelope: answer.json }, 'wrongCredentials');
      },
    );
  });

  test('no catalog entry is left without a test that makes the mock produce it', () => {
    const covered = new Set<string>([...Object.keys(PRODUCERS), 'throttled', 'wrongCredentials']);
    expect(ERROR_SCENARIOS.filter((scenario) => !covered.has(scenario))).toEqual([]);
  });
});

test('the missing-field answer names every missing field by path, after the catalog message', async ({
  user,
}) => {
  const cases: [OperationName, Record<string, unknown>, string][] = [
    ['sendEnrollFactorRequest', { profile: {} }, 'factorType'],
    ['sendEnrollFactorRequest', { factorType: 'SMS', profile: {} }, 'profile.phoneNumber'],
    ['sendEnrollFactorRequest', { factorType: 'EMAIL', profile: { email: '' } }, 'profile.email'],
    ['enrollFactor', { factorType: 'EMAIL' }, 'enrollmentToken, enrollmentData'],
  ];
  for (const [operation, body, fields] of cases) {
    const { httpStatus, envelope } = await failure(user.client.raw(operation, { body }));
    expect(httpStatus, 'the documented envelope: HTTP 200, the statusCode in the body').toBe(200);
    expect(envelope, `${operation} ${JSON.stringify(body)}`).toMatchObject({
      statusCode: 400,
      message: `A required field is missing: ${fields}`,
    });
  }
});

test.describe('catalog overrides, the rehearsal aid that plants a disagreement', () => {
  test('an override replaces the fields it names of one scenario and leaves every other answer alone', async () => {
    await withMock({ catalogOverrides: { factorAlreadyBound: { statusCode: 409 } } }, async (harness) => {
      const user = await harness.newUser();
      const overridden = await PRODUCERS.factorAlreadyBound(harness, user);
      expect(overridden.envelope).toMatchObject({
        statusCode: 409,
        message: ERROR_CATALOG.factorAlreadyBound.message,
      });
      expectCatalogAnswer(
        await PRODUCERS.unknownFactorId(harness, await harness.newUser()),
        'unknownFactorId',
      );
    });
  });

  test('an override applies to the answers sent before any route runs too', async () => {
    await withMock(
      { catalogOverrides: { routeNotFound: { statusCode: 499 }, payloadTooLarge: { statusCode: 498 } } },
      async (harness) => {
        const user = await harness.newUser();
        const unknownPath = await PRODUCERS.routeNotFound(harness, user);
        expect(unknownPath.envelope).toMatchObject({
          statusCode: 499,
          message: ERROR_CATALOG.routeNotFound.message,
        });
        const badUrl = await raw(`${harness.mock.url}/api/v3/%zz`, { method: 'GET' });
        expect(badUrl.envelope).toMatchObject({ statusCode: 499 });
        // Past Fastify's own cap (16 times the stated limit, at least 1 MiB) the body is refused unread.
        const huge = await post(
          harness,
          user,
          'enrollFactor',
          'x'.repeat(2 * 1024 * 1024),
          'application/json',
        );
        expect(huge.envelope).toMatchObject({ statusCode: 498 });
      },
    );
  });

  test('an override of an unknown scenario, or one that would answer success, is refused by name', () => {
    let message = '';
    try {
      resolveMockOptions({
        catalogOverrides: { noSuchScenario: {}, wrongPassCode: { statusCode: 200 } } as never,
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('catalogOverrides.noSuchScenario: is not a scenario of the error catalog');
    expect(message).toContain('catalogOverrides.wrongPassCode.statusCode: must not be 200');
    expect(message).toMatch(/^\[enroll-factor-harness\] The mock options are invalid:\n {2}- /);
    expect(message).toMatch(/\nFix these options; docs\/mock\.md describes each/);
  });
});
