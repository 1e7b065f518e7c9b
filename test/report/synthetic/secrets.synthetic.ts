import { expect, test } from '@playwright/test';
import { PLANTED } from './planted';
import { plantedProvider } from './planted-provider';

const { client } = plantedProvider();

test('an OTP enrollment with planted secrets is reported without them', async () => {
  const data = await client().sendEnrollFactorRequest({ factorType: 'OTP' });
  // Traces record expect() arguments verbatim in the worker, out of the reporters' reach: compare shapes here.
  expect(data.enrollmentToken).toHaveLength(PLANTED.enrollmentToken.length);
  await client().enrollFactor({
    factorType: 'OTP',
    enrollmentToken: data.enrollmentToken,
    enrollmentData: { passCode: PLANTED.passCode },
  });
  await client().mfaOtpVerify({ totp: PLANTED.passCode });
});

test('control-plane and sign-in secrets are reported without them', async () => {
  const result = await client().raw('listEnrolledFactors', {
    headers: { 'x-mock-control-token': PLANTED.controlToken },
  });
  expect(result.ok).toBe(true);
  const signIn = await client().raw('resetFactor', {
    body: { connection: 'PASSWORD', passwordPayload: { account: 'user', password: PLANTED.password } },
  });
  expect(signIn.ok).toBe(true);
});
