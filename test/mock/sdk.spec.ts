import { AuthenticationClient } from 'authing-node-sdk';
import { FACTOR_TYPES, type FactorType } from '../../src/contract';
import { currentTotp, expect, test } from './fixtures';

test.describe('the official authing-node-sdk against the mock', () => {
  for (const factorType of FACTOR_TYPES) {
    test(`AuthenticationClient enrolls a ${factorType} factor and lists it`, async ({
      harness,
      mock,
      user,
    }) => {
      const sdk = new AuthenticationClient({
        appId: user.appId,
        appHost: mock.url,
        tokenEndPointAuthMethod: 'none',
        redirectUri: `${mock.url}/callback`,
      });
      sdk.setAccessToken(user.accessToken);

      const profile: Record<FactorType, object> = {
        SMS: { phoneNumber: user.phoneNumber, phoneCountryCode: '+86' },
        EMAIL: { email: user.email },
        OTP: {},
        FACE: {},
      };
      const sent = await sdk.sendEnrollFactorRequest({
        factorType: factorType as never,
        profile: profile[factorType] as never,
      });
      expect(sent.statusCode).toBe(200);
      const { enrollmentToken, otpData } = sent.data;

      const enrollmentData =
        factorType === 'SMS'
          ? { passCode: await harness.control.latestCode(user.phoneNumber) }
          : factorType === 'EMAIL'
            ? { passCode: await harness.control.latestCode(user.email) }
            : factorType === 'OTP'
              ? { passCode: await currentTotp(harness, user, otpData!.qrCodeUri) }
              : { photo: 'sdk-face-upload-key', isExternalPhoto: false };
      const enrolled = await sdk.enrollFactor({
        factorType: factorType as never,
        enrollmentToken,
        enrollmentData,
      });
      expect(enrolled).toMatchObject({ statusCode: 200, message: 'Operation successful' });

      const listed = await sdk.listEnrolledFactors();
      expect(listed.statusCode).toBe(200);
      expect(listed.data.map((factor) => factor.factorType)).toEqual([factorType]);
      expect(listed.data[0]!.factorId.startsWith(`${user.userId}|`)).toBe(true);
    });
  }
});
