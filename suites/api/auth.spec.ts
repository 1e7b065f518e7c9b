import { randomBytes } from 'node:crypto';
import { aFactor, expectAccepted, scenario, test } from '../../fixtures';
import { FACTOR_TYPES } from '../../src/contract';

const unknownJwt = () =>
  ['{"alg":"HS256","typ":"JWT"}', `{"sub":"${randomBytes(12).toString('hex')}","exp":4102444800}`]
    .map((part) => Buffer.from(part).toString('base64url'))
    .concat(randomBytes(32).toString('base64url'))
    .join('.');

for (const factorType of FACTOR_TYPES) {
  test.describe(`${factorType} access token checks`, () => {
    test.use({ touches: [factorType] });

    test(
      `${aFactor(factorType)} enrollment request without an access token is refused`,
      scenario({ factorType, scenario: 'auth', defects: ['skip-access-token-check'] }),
      async ({ client, testData, expectFailure }) => {
        const profile = testData.profileFor(factorType);
        const anonymous = client.with({ accessToken: undefined });
        const result = await anonymous.attempt('sendEnrollFactorRequest', { factorType, profile });
        await expectFailure(result, 'notLoggedIn');
      },
    );

    test(
      `${aFactor(factorType)} enrollment request with a malformed or unknown access token is refused`,
      scenario({ factorType, scenario: 'auth', defects: ['skip-access-token-check'] }),
      async ({ client, testData, expectFailure }) => {
        const variants = [
          ['an empty Bearer', 'Bearer '],
          ['a Bearer with garbage', 'Bearer not-a-token'],
          ['a Basic credential', `Basic ${Buffer.from('user:password').toString('base64')}`],
          ['an unknown Bearer JWT', `Bearer ${unknownJwt()}`],
          ['an unknown bare JWT', unknownJwt()],
        ] as const;
        for (const [name, authorization] of variants) {
          await test.step(`${name} is refused`, async () => {
            const result = await client.raw('sendEnrollFactorRequest', {
              body: { factorType, profile: testData.profileFor(factorType) },
              headers: { authorization },
            });
            await expectFailure(result, 'notLoggedIn');
          });
        }
      },
    );

    test(
      `${aFactor(factorType)} enrollment cannot be completed without an access token`,
      scenario({ factorType, scenario: 'auth', defects: ['skip-access-token-check'] }),
      async ({ client, enrollment, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        const result = await enrollment.enroll(pending, undefined, {
          client: client.with({ accessToken: undefined }),
        });
        await expectFailure(result, 'notLoggedIn');
      },
    );

    for (const authScheme of ['bearer', 'bare'] as const) {
      const form = authScheme === 'bearer' ? '"Bearer <token>"' : 'the bare token';
      test(
        `${aFactor(factorType)} factor can be enrolled with the access token sent as ${form}`,
        scenario({
          factorType,
          scenario: 'auth',
          defects: authScheme === 'bare' ? ['reject-bare-token'] : ['bind-nothing'],
        }),
        async ({ client, enrollment }) => {
          const asForm = client.with({ authScheme });
          const pending = await enrollment.start(factorType, { client: asForm });
          expectAccepted(
            await enrollment.enroll(pending, undefined, { client: asForm }),
            `enroll-factor with ${form}`,
          );
          const factors = await asForm.listEnrolledFactors();
          test.expect(factors.map((factor) => factor.factorType)).toContain(factorType);
        },
      );
    }
  });
}
