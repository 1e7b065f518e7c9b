import { defined, expect, expectAccepted, scenario, test } from '../../fixtures';
import { OtpAuthUriSchema } from '../../src/contract';

test.describe('OTP QR image', () => {
  test.use({ touches: ['OTP'] });

  test(
    'an OTP enrollment is completed with a TOTP of the key an authenticator app scans from its QR image',
    scenario({
      factorType: 'OTP',
      scenario: 'QR image',
      severity: 'blocker',
      defects: ['qr-image-other-secret', 'qr-image-without-code'],
    }),
    async ({ client, enrollment, environment, user }) => {
      // The kit scans the image and compares it with qrCodeUri as every OTP enrollment it makes does (a step of
      // the report); a difference fails here, named.
      const pending = await enrollment.start('OTP');
      const scanned = defined(pending.totp, 'the authenticator app set up from the QR image');
      const advertised = OtpAuthUriSchema.parse(defined(pending.data.otpData, 'otpData').qrCodeUri);
      expect(
        scanned.secret.base32 === advertised.secret.base32,
        'the scanned key is the advertised one',
      ).toBe(true);
      expectAccepted(await enrollment.enroll(pending), 'enroll-factor with a TOTP of the scanned key');
      const { verified } = await client.mfaOtpVerify({
        totp: scanned.generate({ timestamp: await environment.clock.now(user) }),
      });
      expect(verified, 'mfa-totp-verify accepts what the authenticator app shows').toBe(true);
    },
  );
});
