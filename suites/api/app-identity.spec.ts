import { randomBytes } from 'node:crypto';
import { aFactor, expect, scenario, test } from '../../fixtures';
import type { AppIdHeader } from '../../src/client';
import { FACTOR_TYPES } from '../../src/contract';
import { roleNeeded } from '../../src/env';

const APP_ID_HEADERS: readonly AppIdHeader[] = ['x-authing-app-id', 'x-genauth-app-id'];

/** 24 hex digits, the shape of an application id, that names no application. */
const unknownAppId = () => randomBytes(12).toString('hex');

for (const factorType of FACTOR_TYPES) {
  test.describe(`${factorType} application identity`, () => {
    test.use({ touches: [factorType] });

    for (const appIdHeader of APP_ID_HEADERS) {
      test(
        `${aFactor(factorType)} enrollment request naming an unknown application in ${appIdHeader} is refused`,
        scenario({ factorType, scenario: 'application identity', defects: ['ignore-unknown-app'] }),
        async ({ client, testData, expectFailure }) => {
          const stranger = client.with({ appId: unknownAppId(), appIdHeader });
          const profile = testData.profileFor(factorType);
          const result = await stranger.attempt('sendEnrollFactorRequest', { factorType, profile });
          await expectFailure(result, 'appNotFound');
        },
      );
    }

    test(
      `${aFactor(factorType)} enrollment request with an access token of another application is refused`,
      scenario({
        factorType,
        scenario: 'application identity',
        defects: ['ignore-token-app'],
        decisions: ['accessTokenPerApplication'],
      }),
      async ({ environment, client, clientAs, testData, user, expectFailure }) => {
        const otherApp = environment.otherAppUsers;
        test.skip(!otherApp, roleNeeded('otherApp'));
        if (!otherApp) return;
        // Nothing is bound either way: the requests are refused, or at most leave an enrollment pending.
        const stranger = await otherApp.acquire({ touches: [], email: testData.email() });
        try {
          expect(stranger.appId, 'the other application').not.toBe(user.appId);
          await test.step("this application's access token, sent with the other application's id", async () => {
            const foreign = client.with({ appId: stranger.appId });
            const profile = testData.profileFor(factorType);
            const result = await foreign.attempt('sendEnrollFactorRequest', { factorType, profile });
            await expectFailure(result, 'notLoggedIn');
          });
          await test.step("the other application's access token, sent with this application's id", async () => {
            const foreign = clientAs(stranger).with({ appId: user.appId });
            const profile = testData.profileFor(factorType);
            const result = await foreign.attempt('sendEnrollFactorRequest', { factorType, profile });
            await expectFailure(result, 'notLoggedIn');
          });
        } finally {
          await otherApp.release(stranger);
        }
      },
    );
  });
}
