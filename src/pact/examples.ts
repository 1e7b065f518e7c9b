import { SUCCESS_MESSAGES } from '../contract';

/**
 * Placeholder values written into the pacts. They only have to satisfy the contract schemas; none is a
 * real credential, so a pact can be printed, published and diffed freely. Values a provider generates
 * are replaced at verification time (`fromProviderState`, the request filter).
 */
export const EXAMPLE = {
  accessToken: 'example-access-token',
  /** Stands for the sign-in's id_token: the verification's request filter puts the user's own in its place. */
  idToken: 'example-id-token',
  appId: 'example-app-id',
  phoneNumber: '13800000000',
  email: 'user@example.com',
  enrollmentToken: 'example-enrollment-token',
  unknownEnrollmentToken: 'no-such-enrollment-token',
  passCode: '123456',
  wrongPassCode: '000000',
  factorId: 'example-user-id|phone',
  emailFactorId: 'example-user-id|email',
  otpFactorId: 'example-user-id|otp',
  photo: 'https://example.com/faces/example-user.png',
  qrCodeUri:
    'otpauth://totp/ExamplePool:user%40example.com?secret=AAAAAAAAAAAAAAAA&period=30&digits=6&algorithm=SHA1&issuer=ExamplePool',
  qrCodeDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
  recoveryCode: '0000-0000-0000-0000-0000-0000',
  unknownFactorType: 'VOICE',
  successMessage: SUCCESS_MESSAGES[0],
} as const;

/** The placeholder token a pact's request carries: the access token, or the sign-in's id_token. */
export function exampleToken(kind: 'access' | 'id'): string {
  return kind === 'id' ? EXAMPLE.idToken : EXAMPLE.accessToken;
}
