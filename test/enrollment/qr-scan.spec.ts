import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { QrCodeScanError, readQrCode, scanOtpQrCode } from '../../src/enrollment/qr-scan';

const SECRET = 'HMNUMPBZMY6GGZBZ';
const OTHER_SECRET = 'KQTR6XTTCILXYMLB';
const URI = `otpauth://totp/GuardPool:389000577%40qq.com?secret=${SECRET}&period=30&digits=6&algorithm=SHA1&issuer=GuardPool`;

const draw = (text: string, options: QRCode.QRCodeToDataURLOptions = {}) =>
  QRCode.toDataURL(text, { type: 'image/png', ...options });

/** The QrCodeScanError `scanOtpQrCode` throws for this image, as its message without the prefix. */
function scanProblem(qrCodeDataUrl: string, qrCodeUri = URI): string {
  try {
    scanOtpQrCode({ qrCodeUri, qrCodeDataUrl });
  } catch (error) {
    expect(error).toBeInstanceOf(QrCodeScanError);
    return (error as QrCodeScanError).detail;
  }
  throw new Error('the scan passed');
}

test.describe('the QR image of an OTP enrollment, scanned as an authenticator app does', () => {
  test('the same URI drawn at another size, margin or error correction level holds qrCodeUri', async () => {
    for (const options of [
      { width: 212, margin: 1, errorCorrectionLevel: 'M' },
      { width: 120, margin: 0, errorCorrectionLevel: 'L' },
      { width: 480, margin: 8, errorCorrectionLevel: 'H' },
      { scale: 2, margin: 4, errorCorrectionLevel: 'Q' },
    ] as const) {
      const totp = scanOtpQrCode({ qrCodeUri: URI, qrCodeDataUrl: await draw(URI, options) });
      expect(totp.secret.base32, JSON.stringify(options)).toBe(SECRET);
      expect(totp.issuer).toBe('GuardPool');
      expect(totp.label).toBe('389000577@qq.com');
    }
  });

  test('a URI that leaves out the defaults, orders its parameters otherwise or writes the secret in lower case is the same authenticator', async () => {
    const written = [
      `otpauth://totp/GuardPool:389000577%40qq.com?secret=${SECRET}&issuer=GuardPool`,
      `otpauth://totp/GuardPool:389000577@qq.com?issuer=GuardPool&algorithm=SHA1&secret=${SECRET.toLowerCase()}`,
      `OTPAUTH://TOTP/389000577%40qq.com?digits=6&secret=${SECRET}&issuer=GuardPool&period=30`,
    ];
    for (const text of written) {
      expect(scanOtpQrCode({ qrCodeUri: URI, qrCodeDataUrl: await draw(text) }).secret.base32, text).toBe(
        SECRET,
      );
    }
  });

  test('an image holding another secret is named as such, and neither secret is shown', async () => {
    const problem = scanProblem(await draw(URI.replace(SECRET, OTHER_SECRET)));
    expect(problem).toContain("the QR image's secret differs from qrCodeUri");
    expect(problem).not.toContain(SECRET);
    expect(problem).not.toContain(OTHER_SECRET);
    expect(problem.toLowerCase()).not.toContain(SECRET.toLowerCase());
  });

  test('every other parameter an authenticator app reads is compared, by name and value', async () => {
    const variants = [
      [
        'issuer=GuardPool',
        'issuer=GenAuth',
        `the QR image's issuer "GenAuth" differs from qrCodeUri's "GuardPool"`,
      ],
      ['%40qq.com?', '%40163.com?', `the QR image's account "389000577@163.com" differs`],
      [
        'algorithm=SHA1',
        'algorithm=SHA256',
        `the QR image's algorithm "SHA256" differs from qrCodeUri's "SHA1"`,
      ],
      ['digits=6', 'digits=8', `the QR image's digits 8 differs from qrCodeUri's 6`],
      ['period=30', 'period=60', `the QR image's period 60 differs from qrCodeUri's 30`],
      ['totp/', 'hotp/', 'the QR image holds an HOTP URI where qrCodeUri is TOTP'],
    ] as const;
    for (const [from, to, named] of variants) {
      const text = from === 'totp/' ? `${URI.replace(from, to)}&counter=0` : URI.replace(from, to);
      const problem = scanProblem(await draw(text));
      expect(problem, to).toContain(named);
      expect(problem, to).not.toContain(SECRET);
    }
  });

  test('an image with no QR code in it, or no otpauth URI in its code, cannot be scanned', async () => {
    const blank = new PNG({ width: 212, height: 212 });
    blank.data.fill(0xff);
    const blankUrl = `data:image/png;base64,${PNG.sync.write(blank).toString('base64')}`;
    expect(scanProblem(blankUrl)).toContain('the QR image holds no QR code');
    expect(scanProblem(await draw('https://example.com/enroll'))).toContain(
      'the text of the QR image is not an otpauth URI an authenticator app accepts',
    );
    expect(scanProblem('data:image/png;base64,AAAA')).toContain(
      'the QR image is not a PNG that can be decoded',
    );
    expect(scanProblem('data:image/jpeg;base64,AAAA')).toContain(
      'qrCodeDataUrl is not a data:image/png;base64,',
    );
  });

  test('a code drawn on a transparent background reads as it shows on a white page', async () => {
    const drawn = PNG.sync.read(Buffer.from((await draw(URI)).split(',')[1] ?? '', 'base64'));
    for (let i = 0; i < drawn.data.length; i += 4) {
      // White pixels become fully transparent black: only the dark modules stay visible.
      if (drawn.data[i] === 255) drawn.data.set([0, 0, 0, 0], i);
    }
    const transparent = `data:image/png;base64,${PNG.sync.write(drawn).toString('base64')}`;
    expect(readQrCode(transparent)).toBe(URI);
  });
});
