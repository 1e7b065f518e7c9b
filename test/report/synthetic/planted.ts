/** Secret values planted in the redaction self-test: none may appear anywhere under the reports directory. */
export const PLANTED = {
  accessToken: 'planted-access-token-7Q2ZkV9xWm4Rt8',
  enrollmentToken: 'planted-enrollment-token-Hy6Nc3Lp0Jd5',
  passCode: '814273',
  totpSecret: 'PLANTEDTOTPSECRETKVXW4ZLQ',
  recoveryCode: 'a1b2-c3d4-e5f6-0718-293a-4b5c',
  qrPngBase64: 'iVBORw0KGgoPLANTEDQRCODEPAYLOADzQ9x',
  password: 'planted-Password-5Vb8!',
  controlToken: 'planted-control-token-Ue3Rq7',
} as const;

export const otpauthUri = (issuer: string) =>
  `otpauth://totp/${issuer}:user?secret=${PLANTED.totpSecret}&period=30&digits=6&algorithm=SHA1&issuer=${issuer}`;
export const qrCodeDataUrl = `data:image/png;base64,${PLANTED.qrPngBase64}`;

/** Every planted value and the encoded forms it could be written in. */
export function plantedNeedles(): string[] {
  return Object.values(PLANTED).flatMap((value) => [
    value,
    encodeURIComponent(value),
    Buffer.from(value).toString('base64').replace(/=+$/, ''),
  ]);
}
