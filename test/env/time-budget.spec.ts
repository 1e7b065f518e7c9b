import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from '@playwright/test';
import { budgetOf } from '../../fixtures/worker';
import { type Environment, realClock, type TestUser, withinBudget } from '../../src/env';

const USER: TestUser = { accessToken: 'token', appId: 'app' };

/** A real environment as far as waiting goes: real time, an inbox that answers late, a user that is busy. */
function slowEnvironment(): Environment {
  const late = (ms: number) => async () => {
    await sleep(ms);
    return '123456';
  };
  const busyUser = {
    isolated: false,
    acquire: async () => {
      await sleep(400);
      return USER;
    },
    release: async () => undefined,
  };
  return {
    clock: realClock(),
    inboxes: {
      SMS: { description: 'a slow SMS inbox', waitForCode: late(400) },
      EMAIL: { description: 'a slow EMAIL inbox', waitForCode: late(400) },
    },
    users: busyUser,
    multiFactorUsers: busyUser,
    timing: {
      testMs: 0,
      requestMs: 0,
      expiryWaitMs: 0,
      codeWaitMs: 10_000,
      stateSetupMs: 0,
      userWaitMs: 60_000,
    },
  } as unknown as Environment;
}

test.describe("a test's time budget", () => {
  test('a real-time wait longer than the test itself fits: the wait is added to the budget', async ({}, testInfo) => {
    testInfo.setTimeout(600);
    const environment = withinBudget(slowEnvironment(), budgetOf(testInfo));
    await environment.clock.advance(USER, 900);
  });

  test('waiting for a code or for a designated user does not eat into the test either', async ({}, testInfo) => {
    testInfo.setTimeout(600);
    const environment = withinBudget(slowEnvironment(), budgetOf(testInfo));
    await environment.users.acquire();
    await environment.inboxes.SMS.waitForCode('13800000000', 'SMS', { sentAfterMs: 0, timeoutMs: 5_000 });
    await environment.users.acquire();
  });

  test('waiting for a role user does not eat into the test either, whichever role', async ({}, testInfo) => {
    testInfo.setTimeout(1_500);
    const slow = slowEnvironment();
    const environment = withinBudget(
      {
        ...slow,
        otherAppUsers: slow.users,
        usersWithoutContact: slow.users,
        ownPoolUsers: slow.users,
        appWithoutFactorTypes: { disabled: ['FACE'], users: slow.users },
        resetRefusals: { factorTypes: ['EMAIL'], users: slow.users },
      },
      budgetOf(testInfo),
    );
    await environment.otherAppUsers?.acquire();
    await environment.usersWithoutContact?.acquire();
    await environment.ownPoolUsers?.acquire();
    await environment.appWithoutFactorTypes?.users.acquire();
    await environment.resetRefusals?.users.acquire();
    expect(environment.appWithoutFactorTypes?.disabled).toEqual(['FACE']);
  });

  test('the budget grows by the time a wait took, not by its bound', async ({}, testInfo) => {
    testInfo.setTimeout(5_000);
    const environment = withinBudget(slowEnvironment(), budgetOf(testInfo));
    await environment.inboxes.EMAIL.waitForCode('a@example.com', 'EMAIL', {
      sentAfterMs: 0,
      timeoutMs: 60_000,
    });
    expect(testInfo.timeout).toBeGreaterThanOrEqual(5_400);
    expect(testInfo.timeout).toBeLessThan(6_500);
  });
});
