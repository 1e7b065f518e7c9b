import QRCode from 'qrcode';
import { QR_CODE_MAX_BYTES } from '../contract';

/** Whether `text` fits in one QR code at the error correction level drawn here (M). */
export function fitsQrCode(text: string): boolean {
  return Buffer.byteLength(text, 'utf8') <= QR_CODE_MAX_BYTES;
}

/** A real PNG QR code of `text` as a `data:image/png;base64,` URL. */
export function qrCodeDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { type: 'image/png', errorCorrectionLevel: 'M', margin: 1, width: 212 });
}
