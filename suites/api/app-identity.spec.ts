import { randomBytes } from 'node:crypto';
import { aFactor, scenario, test } from '../../fixtures';
import type { AppIdHeader } from '../../src/client';
import { FACTOR_TYPES } from '../../src/contract';

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
      async ({ client, testData, user, otherUser, expectFailure }) => {
        test.skip(otherUser.appId === user.appId, 'both test users belong to one application here');
        const foreign = client.with({ appId: otherUser.appId });
        const profile = testData.profileFor(factorType);
        const result = await foreign.attempt('sendEnrollFactorRequest', { factorType, profile });
        await expectFailure(result, 'notLoggedIn');
      },
    );
  });
}
