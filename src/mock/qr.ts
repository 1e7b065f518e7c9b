import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { QR_CODE_MAX_BYTES } from '../contract';

const SIZE_PX = 212;

/** Whether `text` fits in one QR code at the error correction level drawn here (M). */
export function fitsQrCode(text: string): boolean {
  return Buffer.byteLength(text, 'utf8') <= QR_CODE_MAX_BYTES;
}

/** A real PNG QR code of `text` as a `data:image/png;base64,` URL. */
export function qrCodeDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { type: 'image/png', errorCorrectionLevel: 'M', margin: 1, width: SIZE_PX });
}

/** A blank white PNG of the QR code's size, as a `data:image/png;base64,` URL: an image with no code in it. */
export function blankImageDataUrl(): string {
  const image = new PNG({ width: SIZE_PX, height: SIZE_PX });
  image.data.fill(0xff);
  return `data:image/png;base64,${PNG.sync.write(image).toString('base64')}`;
}
