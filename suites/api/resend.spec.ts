import { aFactor, expect, scenario, test } from '../../fixtures';
import { DELIVERED_CODE_TYPES, type DeliveredCodeType, RESEND_TOO_SOON } from '../../src/contract';
import { letElapse } from '../../src/env';

const RESEND_WINDOW_MS = 60_000;

const RECIPIENT: Readonly<Record<DeliveredCodeType, string>> = {
  SMS: 'phone number',
  EMAIL: 'email address',
};

for (const factorType of DELIVERED_CODE_TYPES) {
  const recipient = RECIPIENT[factorType];

  test.describe(`${factorType} resend limit`, () => {
    test.use({ touches: [factorType] });

    test(
      `${aFactor(factorType)} code cannot be sent to the same ${recipient} twice within 60 seconds`,
      scenario({ factorType, scenario: 'resend within 60 s', defects: ['no-resend-limit'] }),
      async ({ client, enrollment, expectFailure }) => {
        const pending = await enrollment.start(factorType);
        const result = await client.attempt('sendEnrollFactorRequest', {
          factorType,
          profile: pending.profile,
        });
        await expectFailure(result, RESEND_TOO_SOON[factorType]);
      },
    );

    test(
      `${aFactor(factorType)} code can be sent to the same ${recipient} again once 60 seconds have passed`,
      scenario({
        factorType,
        scenario: 'resend within 60 s',
        defects: [],
        decisions: ['resendWindowSeconds'],
      }),
      async ({ client, enrollment, environment, user }) => {
        // On a real clock this waits the minute out; a run whose tokens expire well within it (the fast
        // rehearsal's 4 s TTL) leaves that to runs at the documented TTL, which wait as long for expiry anyway.
        test.skip(
          !environment.clock.virtual && environment.enrollmentTokenTtlMs < RESEND_WINDOW_MS,
          `waiting the 60 s resend window out is left to runs whose enrollment tokens live as long ` +
            `(this one's live ${environment.enrollmentTokenTtlMs / 1000} s): npm run rehearsal -- --profile=remote and the nightly run it`,
        );
        const pending = await enrollment.start(factorType);
        await letElapse(environment.clock, user, pending.answeredAt, RESEND_WINDOW_MS);
        const again = await client.sendEnrollFactorRequest({ factorType, profile: pending.profile });
        expect(again.enrollmentToken).not.toBe(pending.enrollmentToken);
      },
    );
  });
}
