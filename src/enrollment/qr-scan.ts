import { createRequire } from 'node:module';
import type jsQRFunction from 'jsqr';
import { type HOTP, TOTP, URI } from 'otpauth';
import type { PNG } from 'pngjs';
import { HarnessError } from '../errors';

/**
 * The QR image of an OTP enrollment, scanned as an authenticator app does: the PNG decoded, its QR code read,
 * and the otpauth URI in it compared with `qrCodeUri` by value. A person never reads `qrCodeUri`; the key their
 * app generates codes from is the one in the image. No message here ever shows a secret.
 */

/** The QR image cannot be scanned, or holds another authenticator than `qrCodeUri` describes. */
export class QrCodeScanError extends HarnessError {
  override readonly name = 'QrCodeScanError';
}

const PNG_DATA_URL = 'data:image/png;base64,';

const require = createRequire(import.meta.url);

/**
 * jsQR and pngjs, loaded by the first scan: only OTP enrollments show an image, and every worker would pay for
 * them.
 */
function qrReader(): typeof jsQRFunction {
  return require('jsqr') as typeof jsQRFunction;
}

function pngDecoder(): typeof PNG {
  return (require('pngjs') as typeof import('pngjs')).PNG;
}

/** The OTP parameters an authenticator app sets up from a URI, with the otpauth defaults where one is absent. */
interface Authenticator {
  readonly type: 'TOTP' | 'HOTP';
  readonly secretHex: string;
  readonly issuer: string;
  readonly account: string;
  readonly algorithm: string;
  readonly digits: number;
  /** The period of a TOTP, the counter of an HOTP. */
  readonly moving: number;
}

/** The RGBA pixels of a PNG composed over white, as a page shows an image with transparency. */
function pixelsOnWhite(image: PNG): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < image.data.length; i += 4) {
    const alpha = (image.data[i + 3] ?? 255) / 255;
    for (let channel = 0; channel < 3; channel++) {
      pixels[i + channel] = (image.data[i + channel] ?? 0) * alpha + 255 * (1 - alpha);
    }
    pixels[i + 3] = 255;
  }
  return pixels;
}

/** The text of the QR code in a `data:image/png;base64,` URL, as a camera reads it off the screen. */
export function readQrCode(dataUrl: string): string {
  if (!dataUrl.startsWith(PNG_DATA_URL)) {
    throw new QrCodeScanError(
      `qrCodeDataUrl is not a ${PNG_DATA_URL} URL, so no app can show it as an image`,
    );
  }
  let image: PNG;
  try {
    image = pngDecoder().sync.read(Buffer.from(dataUrl.slice(PNG_DATA_URL.length), 'base64'));
  } catch (error) {
    throw new QrCodeScanError(`the QR image is not a PNG that can be decoded (${(error as Error).message})`);
  }
  const code = qrReader()(pixelsOnWhite(image), image.width, image.height, {
    inversionAttempts: 'attemptBoth',
  });
  if (!code) {
    throw new QrCodeScanError(
      `the QR image holds no QR code (a ${image.width}×${image.height} PNG in which no code can be found), so no authenticator app can scan it`,
    );
  }
  return code.data;
}

function authenticatorOf(uri: string, whose: string): { otp: HOTP | TOTP; values: Authenticator } {
  let otp: HOTP | TOTP;
  try {
    otp = URI.parse(uri);
  } catch (error) {
    // otpauth's messages name the part that is wrong ("Missing or invalid 'secret' parameter"), never its value.
    throw new QrCodeScanError(
      `${whose} is not an otpauth URI an authenticator app accepts (${(error as Error).message})`,
    );
  }
  const values: Authenticator = {
    type: otp instanceof TOTP ? 'TOTP' : 'HOTP',
    secretHex: otp.secret.hex,
    issuer: otp.issuer,
    account: otp.label,
    algorithm: otp.algorithm,
    digits: otp.digits,
    moving: otp instanceof TOTP ? otp.period : otp.counter,
  };
  return { otp, values };
}

/** Each way the scanned authenticator differs from the advertised one, in words; the secret by name only. */
function differences(scanned: Authenticator, advertised: Authenticator): string[] {
  if (scanned.type !== advertised.type) {
    return [`the QR image holds an ${scanned.type} URI where qrCodeUri is ${advertised.type}`];
  }
  const found: string[] = [];
  if (scanned.secretHex !== advertised.secretHex) found.push("the QR image's secret differs from qrCodeUri");
  const shown = [
    ['issuer', scanned.issuer, advertised.issuer],
    ['account', scanned.account, advertised.account],
    ['algorithm', scanned.algorithm, advertised.algorithm],
    ['digits', scanned.digits, advertised.digits],
    [scanned.type === 'TOTP' ? 'period' : 'counter', scanned.moving, advertised.moving],
  ] as const;
  for (const [field, inImage, inUri] of shown) {
    if (inImage !== inUri) {
      found.push(
        `the QR image's ${field} ${JSON.stringify(inImage)} differs from qrCodeUri's ${JSON.stringify(inUri)}`,
      );
    }
  }
  return found;
}

/**
 * Scans `qrCodeDataUrl` and returns the authenticator an app sets up from it, after checking that it is the one
 * `qrCodeUri` describes: scheme and type, secret, issuer, account, algorithm, digits and period, compared as
 * values (the same URI drawn at any size, margin or error correction level, or written with the defaults left
 * out, passes). Throws `QrCodeScanError` naming every difference.
 */
export function scanOtpQrCode(otpData: { readonly qrCodeUri: string; readonly qrCodeDataUrl: string }): TOTP {
  const advertised = authenticatorOf(otpData.qrCodeUri, 'qrCodeUri');
  const scanned = authenticatorOf(readQrCode(otpData.qrCodeDataUrl), 'the text of the QR image');
  const found = differences(scanned.values, advertised.values);
  if (found.length > 0) {
    throw new QrCodeScanError(
      `${found.join('; ')}: an authenticator app that scans the image would not show the codes qrCodeUri describes`,
    );
  }
  if (!(scanned.otp instanceof TOTP)) throw new QrCodeScanError('the QR image holds no TOTP URI');
  return scanned.otp;
}
