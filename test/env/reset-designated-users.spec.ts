import { expect, test } from '@playwright/test';
import { EnrollFactorClient } from '../../src/client';
import type { FactorType } from '../../src/contract';
import { loadConfig, signIn } from '../../src/env';
import { resetDesignatedUser } from '../../src/env/reset-designated-users';
import type { DefectId } from '../../src/mock/defects';
import { startMock } from '../../src/mock/server';

const APP_ID = 'a1b2c3d4e5f6a1b2c3d4e5f6';
/** The several factors' role user signs in to an application of its own. */
const SEVERAL_APP = 'b1b2c3d4e5f6a1b2c3d4e5f6';
const ACCOUNTS = ['designated', 'pooled', 'other', 'several'] as const;
const appOf = (account: string) => (account === 'several' ? SEVERAL_APP : APP_ID);

/** A real-looking target whose designated, pool, other and several factors' user each have a FACE factor bound. */
async function withBoundUsers(
  options: { readonly defects?: readonly DefectId[]; readonly refuseResetOf?: readonly FactorType[] },
  run: (env: Record<string, string>) => Promise<void>,
) {
  const mock = await startMock({
    control: false,
    ...options,
    seedUsers: ACCOUNTS.map((account) => ({
      account,
      password: `pw-${account}`,
      email: `${account}@example.com`,
      appId: appOf(account),
    })),
  });
  try {
    for (const account of ACCOUNTS) {
      const appId = appOf(account);
      const accessToken = await signIn(mock.url, appId, { account, password: `pw-${account}` });
      const client = new EnrollFactorClient({ baseUrl: mock.url, appId, accessToken });
      const { enrollmentToken } = await client.sendEnrollFactorRequest({ factorType: 'FACE' });
      await client.enrollFactor({
        factorType: 'FACE',
        enrollmentToken,
        enrollmentData: { photo: 'https://example.com/face.jpg', isExternalPhoto: true },
      });
    }
    await run({
      TARGET_ENV: 'staging',
      GENAUTH_BASE_URL: mock.url,
      GENAUTH_APP_ID: APP_ID,
      GENAUTH_ACCOUNT: 'designated',
      GENAUTH_PASSWORD: 'pw-designated',
      GENAUTH_ACCOUNT_1: 'pooled',
      GENAUTH_PASSWORD_1: 'pw-pooled',
      GENAUTH_OTHER_ACCOUNT: 'other',
      GENAUTH_OTHER_PASSWORD: 'pw-other',
      GENAUTH_ROLE_USERS: JSON.stringify({
        severalFactors: { account: 'several', password: 'pw-several', appId: SEVERAL_APP },
      }),
      SMS_INBOX: 'static',
      SMS_STATIC_CODE: '123456',
      EMAIL_INBOX: 'static',
      EMAIL_STATIC_CODE: '123456',
      FACE_PHOTO_URL: 'https://example.com/face.jpg',
    });
  } finally {
    await mock.close();
  }
}

test.describe('the nightly reset of the designated users', () => {
  test("resets the designated, pool and other users, and the several factors' user in its application", async () => {
    await withBoundUsers({}, async (env) => {
      const { reset, skipped } = await resetDesignatedUser(loadConfig(env));
      expect(skipped).toBeUndefined();
      expect(reset).toHaveLength(4);
      expect(reset.every((factor) => factor.startsWith('FACE '))).toBe(true);
    });
  });

  test('a user whose factors stay bound does not stop the others, and every one left is named', async () => {
    await withBoundUsers({ defects: ['reset-keeps-factor'] }, async (env) => {
      const error = await resetDesignatedUser(loadConfig(env)).then(
        () => undefined,
        (thrown: Error) => thrown,
      );
      expect(error?.message).toMatch(
        /designated users still have factors enrolled after the reset \(designated: FACE \S+; pooled: FACE \S+; other: FACE \S+; several: FACE \S+\): unbind them by hand/,
      );
    });
  });

  test('a reset the environment refuses is named with its factor, its user and the answer', async () => {
    await withBoundUsers({ refuseResetOf: ['FACE'] }, async (env) => {
      const error = await resetDesignatedUser(loadConfig(env)).then(
        () => undefined,
        (thrown: Error) => thrown,
      );
      expect(error?.message).toMatch(
        /reset-factor refused to unbind designated: FACE \S+ \(statusCode 400, "This factor cannot be unbound through reset-factor; [^"]+"\); pooled: FACE \S+ .*; other: FACE \S+ .*; several: FACE \S+ /,
      );
    });
  });
});
