import { randomBytes } from 'node:crypto';
import { aFactor, expect, scenario, test } from '../../fixtures';
import { FACTOR_TYPES, LoginTokenRespDtoSchema, SIGNIN_PATH } from '../../src/contract';
import { ErrorEnvelopeSchema } from '../../src/contract/envelope';
import { roleNeeded } from '../../src/env';

test.describe('who may enroll what', () => {
  test(
    'a FACE enrollment request is refused for a user without a phone number or email',
    scenario({ factorType: 'FACE', scenario: 'eligibility', defects: ['face-without-contact'] }),
    async ({ environment, clientAs, expectFailure }) => {
      const users = environment.usersWithoutContact;
      test.skip(!users, roleNeeded('withoutContact'));
      if (!users) return;
      const user = await users.acquire({ touches: ['FACE'] });
      try {
        const result = await clientAs(user).attempt('sendEnrollFactorRequest', { factorType: 'FACE' });
        await expectFailure(result, 'faceNeedsPhoneOrEmail');
      } finally {
        await users.release(user);
      }
    },
  );

  for (const factorType of FACTOR_TYPES) {
    test(
      `${aFactor(factorType)} enrollment request is refused where the application does not enable ${factorType}`,
      scenario({ factorType, scenario: 'eligibility', defects: [] }),
      async ({ environment, clientAs, expectFailure, testData }) => {
        const appWithout = environment.appWithoutFactorTypes;
        test.skip(
          !appWithout?.disabled.includes(factorType),
          roleNeeded('factorTypesDisabled', `${factorType} among them`),
        );
        if (!appWithout) return;
        const others = FACTOR_TYPES.filter((type) => type !== factorType);
        const user = await appWithout.users.acquire({
          factorTypes: others,
          touches: [factorType],
          email: testData.email(),
        });
        try {
          const profile = testData.profileFor(factorType);
          const result = await clientAs(user).attempt('sendEnrollFactorRequest', { factorType, profile });
          await expectFailure(result, 'factorTypeNotEnabled');
        } finally {
          await appWithout.users.release(user);
        }
      },
    );
  }
});

test(
  'signing in with a wrong password is refused with the documented answer',
  scenario({ scenario: 'eligibility', defects: [] }),
  async ({ environment, request, expectFailure }) => {
    const signIn = environment.signInAccount;
    test.skip(!signIn, 'needs an account and password (GENAUTH_ACCOUNT) to sign in with');
    if (!signIn) return;
    const { account, appId } = await signIn();
    const response = await request.post(`${environment.baseUrl}${SIGNIN_PATH}`, {
      headers: { 'x-authing-app-id': appId },
      data: {
        connection: 'PASSWORD',
        passwordPayload: { account, password: randomBytes(12).toString('hex') },
      },
    });
    const body: unknown = await response.json();
    expect(LoginTokenRespDtoSchema.safeParse(body).success, 'a wrong password gets no token').toBe(false);
    await expectFailure(
      { ok: false, httpStatus: response.status(), envelope: ErrorEnvelopeSchema.parse(body) },
      'wrongCredentials',
    );
  },
);
