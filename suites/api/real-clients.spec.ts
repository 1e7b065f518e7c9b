import { aFactor, defined, expect, expectAccepted, scenario, test } from '../../fixtures';
import { roleNeeded } from '../../src/env';

/**
 * Requests as the official clients write them where they differ from the OpenAPI's letter: a content type
 * with a charset (Go, C#, Android), OTP and FACE without a profile (Guard iOS, iOS v3, and the SDKs that drop
 * a null one), a factorId with a raw `|` (Go, C#, Java, Android, iOS), the id_token as the bearer (Guard iOS,
 * Android), and the MFA token a sign-in that needs MFA hands out, which must not open these endpoints.
 */

for (const factorType of ['OTP', 'FACE'] as const) {
  test.describe(`${factorType} enrollment request without a profile`, () => {
    test.use({ touches: [factorType] });

    test(
      `${aFactor(factorType)} enrollment can be requested without a profile, as Guard iOS sends it`,
      scenario({ factorType, scenario: 'real clients', defects: ['require-profile'] }),
      async ({ client }) => {
        const result = await client.raw('sendEnrollFactorRequest', { body: { factorType } });
        expectAccepted(result, `send-enroll-factor-request for ${factorType} without a profile`);
      },
    );
  });
}

test.describe('EMAIL enrollment request with a charset', () => {
  test.use({ touches: ['EMAIL'] });

  test(
    'an EMAIL enrollment labelled application/json with a charset is read as JSON, as the Go, C# and Android SDKs send it',
    scenario({ factorType: 'EMAIL', scenario: 'real clients', defects: ['reject-charset-content-type'] }),
    async ({ client, enrollment }) => {
      for (const contentType of ['application/json; charset=utf-8', 'application/json;charset=UTF-8']) {
        await test.step(contentType, async () => {
          const pending = await enrollment.start('EMAIL');
          const result = await client.raw('enrollFactor', {
            body: {
              factorType: 'EMAIL',
              enrollmentToken: pending.enrollmentToken,
              enrollmentData: await enrollment.enrollmentData(pending),
            },
            headers: { 'content-type': contentType },
          });
          expectAccepted(result, `enroll-factor labelled ${contentType}`);
          const bound = defined(await enrollment.boundFactor('EMAIL'), 'the EMAIL factor just bound');
          await client.resetFactor({ factorId: bound.factorId });
        });
      }
    },
  );
});

test.describe('SMS factorId with a raw |', () => {
  test.use({ touches: ['SMS'] });

  test(
    'get-factor finds a factor by its factorId sent with a raw |, as the Go, C#, Java, Android and iOS SDKs send it',
    scenario({ factorType: 'SMS', scenario: 'real clients', defects: ['raw-pipe-not-found'] }),
    async ({ client, enrollment }) => {
      await enrollment.bind('SMS');
      const bound = defined(await enrollment.boundFactor('SMS'), 'the SMS factor just bound');
      test.skip(!bound.factorId.includes('|'), 'this environment issues factor ids without a |');
      const raw = client.with({ factorIdInQuery: 'raw' });
      const factor = await raw.getFactor({ factorId: bound.factorId });
      expect(factor).toMatchObject({ factorId: bound.factorId, factorType: 'SMS' });
    },
  );
});

test.describe('tokens other than the access token', () => {
  test.use({ touches: ['OTP'] });

  test(
    "the sign-in's id_token is accepted as the bearer, as Guard iOS and Android send it",
    scenario({ scenario: 'real clients', defects: ['reject-id-token'] }),
    async ({ client, user }) => {
      test.skip(
        !user.idToken,
        'the designated users do not sign in here (set GENAUTH_ACCOUNT and GENAUTH_PASSWORD)',
      );
      const asIdToken = client.with({ accessToken: user.idToken, authScheme: 'bearer' });
      expectAccepted(
        await asIdToken.attempt('listFactorsToEnroll', {}),
        'list-factors-to-enroll with the id_token',
      );
    },
  );

  test(
    'an MFA token, what a sign-in that needs MFA hands out, is refused like no token',
    scenario({ scenario: 'real clients', defects: ['accept-mfa-token'], decisions: ['mfaTokenRefused'] }),
    async ({ client, environment, expectFailure }) => {
      const mfaSignIn = environment.mfaSignIn;
      test.skip(!mfaSignIn, roleNeeded('mfaAtSignIn'));
      if (!mfaSignIn) return;
      const { mfaToken, appId } = await mfaSignIn();
      const asMfaToken = client.with({ accessToken: mfaToken, appId, authScheme: 'bearer' });
      await expectFailure(await asMfaToken.attempt('listFactorsToEnroll', {}), 'notLoggedIn');
      await expectFailure(
        await asMfaToken.attempt('sendEnrollFactorRequest', { factorType: 'OTP', profile: {} }),
        'notLoggedIn',
      );
    },
  );
});
