import { expect, test } from '@playwright/test';
import {
  EnrollFactorDtoSchema,
  EnrollFactorRespDtoSchema,
  ErrorEnvelopeSchema,
  FactorDtoSchema,
  FactorProfileSchema,
  GetFactorDtoSchema,
  GetFactorRespDtoSchema,
  isJsonContentType,
  ListEnrolledFactorsRespDtoSchema,
  ListFactorsToEnrollRespDtoSchema,
  MfaOtpVerifyDtoSchema,
  MfaOtpVerifyRespDtoSchema,
  OPERATIONS,
  OtpAuthUriSchema,
  RecoveryCodeSchema,
  ResetFactorDtoSchema,
  ResetFactorRespDtoSchema,
  SendEnrollFactorRequestDtoSchema,
  SendEnrollFactorRequestRespDtoSchema,
} from '../../src/contract';
import type { z } from '../../src/contract/zod';
import { OPENAPI_EXAMPLES as EX } from './openapi-examples';

const examples: Array<[string, z.ZodType, unknown]> = [
  ['SendEnrollFactorRequestDto', SendEnrollFactorRequestDtoSchema, EX.sendEnrollFactorRequestDto],
  ['FactorProfile', FactorProfileSchema, EX.factorProfile],
  ['SendEnrollFactorRequestRespDto', SendEnrollFactorRequestRespDtoSchema, EX.sendEnrollFactorRequestRespDto],
  ['EnrollFactorDto', EnrollFactorDtoSchema, EX.enrollFactorDto],
  ['EnrollFactorRespDto', EnrollFactorRespDtoSchema, EX.enrollFactorRespDto],
  ['ResetFactorDto', ResetFactorDtoSchema, EX.resetFactorDto],
  ['ResetFactorRespDto', ResetFactorRespDtoSchema, EX.resetFactorRespDto],
  ['ListEnrolledFactorsRespDto', ListEnrolledFactorsRespDtoSchema, EX.listEnrolledFactorsRespDto],
  ['get-factor query', GetFactorDtoSchema, EX.getFactorQuery],
  ['GetFactorRespDto', GetFactorRespDtoSchema, EX.getFactorRespDto],
  ['ListFactorsToEnrollRespDto', ListFactorsToEnrollRespDtoSchema, EX.listFactorsToEnrollRespDto],
  ['MfaOtpVerityDto', MfaOtpVerifyDtoSchema, EX.mfaOtpVerifyDto],
  ['MfaOtpVerityRespDto', MfaOtpVerifyRespDtoSchema, EX.mfaOtpVerifyRespDto],
];

test.describe('every example of the official OpenAPI subset', () => {
  for (const [name, schema, example] of examples) {
    test(`parses as ${name}`, () => {
      const result = schema.safeParse(example);
      expect(result.error?.issues ?? []).toEqual([]);
    });
  }
});

function issuePaths(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  expect(result.success, 'the schema must reject this value').toBe(false);
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

const withoutKey = <T extends object>(value: T, key: keyof T) => {
  const { [key]: _removed, ...rest } = value;
  return rest;
};

test.describe('request schemas', () => {
  test('reject an unknown factorType', () => {
    expect(issuePaths(SendEnrollFactorRequestDtoSchema, { factorType: 'VOICE', profile: {} })).toContain(
      'factorType',
    );
    expect(issuePaths(EnrollFactorDtoSchema, { ...EX.enrollFactorDto, factorType: 'sms' })).toContain(
      'factorType',
    );
  });

  test('reject a missing required field', () => {
    expect(issuePaths(EnrollFactorDtoSchema, withoutKey(EX.enrollFactorDto, 'enrollmentToken'))).toContain(
      'enrollmentToken',
    );
    expect(issuePaths(EnrollFactorDtoSchema, withoutKey(EX.enrollFactorDto, 'enrollmentData'))).toContain(
      'enrollmentData',
    );
    expect(issuePaths(ResetFactorDtoSchema, {})).toContain('factorId');
    expect(issuePaths(MfaOtpVerifyDtoSchema, {})).toContain('totp');
  });

  test('reject values of the wrong type', () => {
    expect(issuePaths(EnrollFactorDtoSchema, { ...EX.enrollFactorDto, enrollmentToken: 42 })).toContain(
      'enrollmentToken',
    );
    expect(
      issuePaths(EnrollFactorDtoSchema, {
        ...EX.enrollFactorDto,
        enrollmentData: { photo: 'key', isExternalPhoto: 'yes' },
      }),
    ).toContain('enrollmentData.isExternalPhoto');
    expect(issuePaths(SendEnrollFactorRequestDtoSchema, { factorType: 'SMS', profile: [] })).toContain(
      'profile',
    );
  });

  test('require the profile field each delivered factor needs', () => {
    expect(
      issuePaths(SendEnrollFactorRequestDtoSchema, { factorType: 'SMS', profile: { email: 'a@b.c' } }),
    ).toEqual(['profile.phoneNumber']);
    expect(issuePaths(SendEnrollFactorRequestDtoSchema, { factorType: 'EMAIL' })).toEqual(['profile.email']);
  });

  test('accept OTP and FACE without a profile, and extra profile fields', () => {
    expect(SendEnrollFactorRequestDtoSchema.parse({ factorType: 'OTP' })).toEqual({ factorType: 'OTP' });
    expect(SendEnrollFactorRequestDtoSchema.parse({ factorType: 'FACE', profile: {} }).profile).toEqual({});
    const sms = {
      factorType: 'SMS',
      profile: { phoneNumber: '188xxxx8888', email: 'test@example.com', x: 1 },
    };
    expect(SendEnrollFactorRequestDtoSchema.parse(sms)).toEqual(sms);
  });
});

test.describe('response schemas', () => {
  test('reject statusCode sent as a string', () => {
    expect(issuePaths(EnrollFactorRespDtoSchema, { ...EX.enrollFactorRespDto, statusCode: '200' })).toContain(
      'statusCode',
    );
  });

  test('reject a success envelope without its data', () => {
    expect(
      issuePaths(ListEnrolledFactorsRespDtoSchema, withoutKey(EX.listEnrolledFactorsRespDto, 'data')),
    ).toContain('data');
    expect(
      issuePaths(SendEnrollFactorRequestRespDtoSchema, { ...EX.sendEnrollFactorRequestRespDto, data: {} }),
    ).toContain('data.enrollmentToken');
  });

  test('reject otpData missing one of its three fields', () => {
    const { otpData } = EX.sendEnrollFactorRequestRespDto.data;
    const body = {
      ...EX.sendEnrollFactorRequestRespDto,
      data: { enrollmentToken: 't', otpData: withoutKey(otpData, 'recoveryCode') },
    };
    expect(issuePaths(SendEnrollFactorRequestRespDtoSchema, body)).toContain('data.otpData.recoveryCode');
  });

  test('reject a factor with an unknown factorType or without a profile', () => {
    const factor = EX.getFactorRespDto.data;
    expect(issuePaths(FactorDtoSchema, { ...factor, factorType: 'PHONE' })).toContain('factorType');
    expect(issuePaths(FactorDtoSchema, withoutKey(factor, 'profile'))).toContain('profile');
  });

  test('tell a failure envelope from a success', () => {
    const failure = { statusCode: 400, apiCode: 6001, message: 'Totp 码错误', requestId: 'r' };
    expect(ErrorEnvelopeSchema.parse(failure)).toEqual(failure);
    expect(issuePaths(ErrorEnvelopeSchema, { statusCode: 200, message: 'ok' })).toContain('statusCode');
    expect(issuePaths(ErrorEnvelopeSchema, { statusCode: 400 })).toContain('message');
    expect(issuePaths(ErrorEnvelopeSchema, { statusCode: 400, message: 'x', apiCode: '6001' })).toContain(
      'apiCode',
    );
  });

  test('are JSON: application/json with or without parameters, or a +json type, and nothing else', () => {
    for (const json of ['application/json', 'application/json; charset=utf-8', 'application/problem+json']) {
      expect(isJsonContentType(json), json).toBe(true);
    }
    for (const other of ['application/jsonx', 'text/json', 'application/json-seq', '', undefined]) {
      expect(isJsonContentType(other), String(other)).toBe(false);
    }
  });

  test('have one request and one response schema per operation', () => {
    expect(Object.keys(OPERATIONS)).toHaveLength(7);
    for (const definition of Object.values(OPERATIONS)) {
      expect(definition.path).toMatch(/^\/api\/v3\/[a-z-]+$/);
      expect(definition.input === 'body').toBe(definition.method === 'POST');
    }
  });
});

test.describe('OTP semantics', () => {
  const realUri =
    'otpauth://totp/GuardPool:389000577%40qq.com?secret=HMNUMPBZMY6GGZBZ&period=30&digits=6&algorithm=SHA1&issuer=GuardPool';

  test('a real qrCodeUri parses to a SHA1, 6-digit, 30 s TOTP', () => {
    const totp = OtpAuthUriSchema.parse(realUri);
    expect(totp.issuer).toBe('GuardPool');
    expect(totp.label).toBe('389000577@qq.com');
    expect(totp.generate({ timestamp: 0 })).toMatch(/^\d{6}$/);
  });

  test('a secret that is not Base32 is rejected', () => {
    expect(
      OtpAuthUriSchema.safeParse(realUri.replace('HMNUMPBZMY6GGZBZ', 'hmnu-mpbz-my6g-gzb!')).success,
    ).toBe(false);
    expect(OtpAuthUriSchema.safeParse(EX.sendEnrollFactorRequestRespDto.data.otpData.qrCodeUri).success).toBe(
      false,
    );
  });

  test('other digits, periods and algorithms are rejected', () => {
    for (const variant of ['digits=8', 'period=60', 'algorithm=SHA256']) {
      const [key] = variant.split('=');
      const uri = realUri.replace(new RegExp(`${key}=[^&]+`), variant);
      expect(OtpAuthUriSchema.safeParse(uri).success, variant).toBe(false);
    }
  });

  test('recovery codes are six dash-joined groups of four hex digits', () => {
    expect(
      RecoveryCodeSchema.safeParse(EX.sendEnrollFactorRequestRespDto.data.otpData.recoveryCode).success,
    ).toBe(true);
    for (const bad of [
      'e7ad-aaa4-da75-fa37-57d1',
      'E7AD-AAA4-DA75-FA37-57D1-5141',
      'e7adaaa4da75fa3757d15141',
    ]) {
      expect(RecoveryCodeSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
