import { expect, test } from '@playwright/test';
import { REDACTED, redact, redactBody, redactHeaders, redactText } from '../../src/redaction/redact';

test('credential headers are redacted by name, other headers kept', () => {
  expect(
    redactHeaders({
      authorization: 'Bearer abcdefgh12345',
      'x-mock-control-token': 'ctl-1234567',
      accept: 'application/json',
    }),
  ).toEqual({ authorization: REDACTED, 'x-mock-control-token': REDACTED, accept: 'application/json' });
});

test('secrets in a response body are redacted by key, statusCode and apiCode kept', () => {
  const body = JSON.parse(
    redactBody(
      JSON.stringify({
        statusCode: 200,
        apiCode: 1234,
        data: {
          enrollmentToken: 'tok-0123456789',
          otpData: {
            qrCodeUri: 'otpauth://totp/P:u?secret=JBSWY3DPEHPK3PXP',
            qrCodeDataUrl: 'data:image/png;base64,iVBO',
            recoveryCode: 'abcd-0123-4567-89ab-cdef-0123',
          },
        },
      }),
    ),
  );
  expect(body).toEqual({
    statusCode: 200,
    apiCode: 1234,
    data: {
      enrollmentToken: REDACTED,
      otpData: { qrCodeUri: REDACTED, qrCodeDataUrl: REDACTED, recoveryCode: REDACTED },
    },
  });
});

test('a value once redacted by key is redacted wherever it shows up again', () => {
  redact({ enrollmentToken: 'remembered-token-42abc' });
  expect(redactText('the token remembered-token-42abc was refused')).toBe(
    `the token ${REDACTED} was refused`,
  );
});

test('secret shapes are redacted in free text; plain words after generic keys are not', () => {
  expect(redactText('Bearer abcdefghij123 eyJhbGciOiJI.eyJzdWIiOiIx.c2ln passCode=998877&x=1')).toBe(
    `Bearer ${REDACTED} ${REDACTED} passCode=${REDACTED}&x=1`,
  );
  expect(redactText('{"msg":"{\\"totp\\":\\"246802\\"}"}')).toBe(`{"msg":"{\\"totp\\":\\"${REDACTED}\\"}"}`);
  expect(redactText('two enrollments with one token: exactly one succeeds')).toBe(
    'two enrollments with one token: exactly one succeeds',
  );
});

test('a code that names a kind of error is kept; a verification code is not', () => {
  const zodMessage = JSON.stringify([{ code: 'custom', path: ['status'], message: 'bad' }], null, 2);
  expect(redactText(zodMessage)).toBe(zodMessage);
  expect(redact({ error: { code: 'ECONNREFUSED' }, issue: { code: 'invalid_type' } })).toEqual({
    error: { code: 'ECONNREFUSED' },
    issue: { code: 'invalid_type' },
  });
  expect(redactText('cause code: UND_ERR_SOCKET')).toBe('cause code: UND_ERR_SOCKET');
  expect(redactText('{"code":"482913"}')).toBe(`{"code":"${REDACTED}"}`);
  expect(redact({ code: 'A7K2QX' })).toEqual({ code: REDACTED });
  expect(redactText('code=739201')).toBe(`code=${REDACTED}`);
});
