import { resolveMockOptions } from '../../src/mock/options';
import { enroll, expect, operationUrl, rawRequest, test, withMock } from './fixtures';

/** The rehearsal aid that plants shape changes in named answers, for the fidelity check to find. */
test.describe('shape overrides, the rehearsal aid that plants a changed answer', () => {
  test('each change applies to its named answer only: add, null, retype and remove, in list items too', async () => {
    await withMock(
      {
        shapeOverrides: [
          { operation: 'sendEnrollFactorRequest', path: 'data.expiresIn', change: 'add', value: 60 },
          { operation: 'getFactor', path: 'data.profile.phoneCountryCode', change: 'null' },
          {
            operation: 'listEnrolledFactors',
            path: 'data[].profile.phoneCountryCode',
            change: 'retype',
            value: 86,
          },
          { operation: 'getFactor', answer: 'unknownFactorId', path: 'requestId', change: 'remove' },
        ],
      },
      async (harness) => {
        const user = await harness.newUser();
        const sent = await user.client.attempt('sendEnrollFactorRequest', { factorType: 'OTP' });
        expect(sent.envelope).toMatchObject({ data: { expiresIn: 60 } });

        await enroll(harness, user, 'SMS');
        await enroll(harness, user, 'OTP');
        const listed = await user.client.listEnrolledFactors();
        const sms = listed.find((factor) => factor.factorType === 'SMS');
        const otp = listed.find((factor) => factor.factorType === 'OTP');
        expect(sms?.profile).toMatchObject({ phoneCountryCode: 86 });
        // `retype` replaces a field where it is: the OTP factor's empty profile gains nothing.
        expect(otp?.profile).toEqual({});

        const got = await user.client.getFactor({ factorId: sms?.factorId ?? '' });
        expect(got.profile).toMatchObject({ phoneNumber: user.phoneNumber, phoneCountryCode: null });

        const unknown = await user.client.attempt('getFactor', { factorId: 'no-such-factor' });
        expect(unknown.ok).toBe(false);
        expect(unknown.envelope).not.toHaveProperty('requestId');
        // Another operation's unknownFactorId answer is not named, so it keeps its requestId.
        const reset = await user.client.attempt('resetFactor', { factorId: 'no-such-factor' });
        expect(reset.envelope).toHaveProperty('requestId');
      },
    );
  });

  test('a planted change may break the contract: it is applied after the check, as a drifted provider would answer', async () => {
    await withMock(
      {
        shapeOverrides: [
          { operation: 'sendEnrollFactorRequest', path: 'data.enrollmentToken', change: 'remove' },
        ],
      },
      async (harness) => {
        const user = await harness.newUser();
        const answer = await rawRequest(operationUrl(harness.mock, 'sendEnrollFactorRequest'), {
          method: 'POST',
          headers: { authorization: user.accessToken, 'content-type': 'application/json' },
          body: JSON.stringify({ factorType: 'OTP' }),
        });
        expect(answer.status).toBe(200);
        expect(answer.json).toMatchObject({ statusCode: 200, data: { otpData: expect.any(Object) } });
        expect((answer.json as { data: object }).data).not.toHaveProperty('enrollmentToken');
      },
    );
  });

  test('a bad planted change is refused with what is wrong, each problem named by its place', () => {
    let message = '';
    try {
      resolveMockOptions({
        shapeOverrides: [
          { operation: 'noSuchOperation', path: 'data.x', change: 'add', value: 1 },
          { operation: 'getFactor', answer: 'noSuchScenario', path: 'data..x', change: 'null' },
          { operation: 'getFactor', path: 'statusCode', change: 'retype', value: '200' },
          { operation: 'getFactor', path: 'data.x', change: 'add' },
          { operation: 'getFactor', path: 'data.x', change: 'remove', value: 1 },
          { operation: 'getFactor', path: 'data[]', change: 'explode' },
        ] as never,
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^\[enroll-factor-harness\] The mock options are invalid:/);
    expect(message).toContain('shapeOverrides.0.operation: must be an operation: sendEnrollFactorRequest');
    expect(message).toContain('shapeOverrides.1.answer: must be success or a scenario of the error catalog');
    expect(message).toContain('shapeOverrides.1.path: must be field names joined by dots');
    expect(message).toContain(
      'shapeOverrides.2.path: is an envelope field the error catalog decides: plant it with catalogOverrides',
    );
    expect(message).toContain('shapeOverrides.3.value: is required: add sets the field to it');
    expect(message).toContain('shapeOverrides.4.value: has no use: remove takes no value');
    expect(message).toContain('shapeOverrides.5.path: must be field names joined by dots');
    expect(message).toContain('shapeOverrides.5.change: must be one of add, null, retype, remove');
  });
});
