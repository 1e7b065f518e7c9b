import QRCode from 'qrcode';

/** A real PNG QR code of `text` as a `data:image/png;base64,` URL. */
export function qrCodeDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { type: 'image/png', errorCorrectionLevel: 'M', margin: 1, width: 212 });
}
