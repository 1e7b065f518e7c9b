import { expect, test } from '@playwright/test';
import { exchangeShape, jsonShape } from '../../src/fidelity/shape';
import { exchangeOf, failure, smsFactor, success } from './exchanges';

test.describe('the shape of an answer', () => {
  test('names every path with its type, tells null from missing, and keeps only booleans and factor types', () => {
    expect(
      jsonShape({ a: 'text', b: 1, c: true, d: null, e: { f: [] }, factorType: 'SMS', g: 'OTP' }),
    ).toEqual({
      $: 'object',
      a: 'string',
      b: 'number',
      c: 'boolean(true)',
      d: 'null',
      e: 'object',
      'e.f': 'array',
      factorType: 'string(SMS)',
      g: 'string',
    });
  });

  test('merges list items under path[], per factor type where the items name one, a path some lack being missing there', () => {
    const shape = jsonShape({
      data: [
        { factorType: 'SMS', profile: { phoneNumber: '1', phoneCountryCode: '+86' } },
        { factorType: 'SMS', profile: { phoneNumber: '2' } },
        { factorType: 'OTP', profile: {} },
      ],
      plain: [{ x: 1 }, { x: 'one', y: null }],
    });
    expect(shape).toMatchObject({
      'data[factorType=SMS].profile.phoneNumber': 'string',
      'data[factorType=SMS].profile.phoneCountryCode': 'missing|string',
      'data[factorType=OTP].profile': 'object',
      'plain[].x': 'number|string',
      'plain[].y': 'missing|null',
    });
    expect(shape).not.toHaveProperty('data[factorType=OTP].profile.phoneNumber');
  });

  test('two answers that differ only in tokens, ids, codes, timestamps and messages have one shape', () => {
    const answer = (token: string, message: string) =>
      exchangeShape(
        exchangeOf(
          'sendEnrollFactorRequest',
          {
            ...success({
              enrollmentToken: token,
              otpData: {
                qrCodeUri: `otpauth://totp/Pool:user?secret=${token.slice(0, 16).toUpperCase()}`,
                qrCodeDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
                recoveryCode: 'e7ad-aaa4-da75-fa37-57d1-5141',
              },
              createdAt: Date.now() + token.length,
            }),
            message,
          },
          { requestBody: { factorType: 'OTP' } },
        ),
      );
    expect(answer('abcdefghijklmnopqrstuvwx', 'Operation successful')).toEqual(
      answer('zyxwvutsrqponmlkjihgfedcba012345', '操作成功'),
    );
  });

  test('an answer keeps its status, media type, statusCode, apiCode, whether requestId is there, and the catalog scenario it is', () => {
    const { status, body } = failure('wrongTotp');
    const shape = exchangeShape(exchangeOf('enrollFactor', body, { status }));
    expect(shape.answer).toEqual({
      httpStatus: 200,
      mediaType: 'application/json;charset=utf-8',
      statusCode: 400,
      apiCode: 6001,
      requestId: true,
      catalogScenario: 'wrongTotp',
      body: { $: 'object', message: 'string' },
    });
    const changed = exchangeShape(exchangeOf('enrollFactor', { ...body, message: 'Wrong code' }, { status }));
    expect(changed.answer.catalogScenario, 'another message is no longer the catalog answer').toBeUndefined();
    const text = exchangeShape(
      exchangeOf('enrollFactor', 'Bad Gateway', { status: 502, contentType: 'text/html' }),
    );
    expect(text.answer).toEqual({
      httpStatus: 502,
      mediaType: 'text/html',
      requestId: false,
      body: 'not JSON',
    });
    const stringly = exchangeShape(exchangeOf('enrollFactor', { ...body, statusCode: '400', apiCode: null }));
    expect(stringly.answer).toMatchObject({ statusCode: '400', apiCode: '<null>' });
  });

  test('a request keeps its method, operation, path, query and header names, how the token went, and its body shape', () => {
    const shape = exchangeShape(
      exchangeOf('getFactor', success(smsFactor()), {
        query: 'factorId=abc%7Cphone',
        authorization: 'raw-token-123',
      }),
    );
    expect(shape.request).toEqual({
      method: 'GET',
      operation: 'getFactor',
      path: 'operation',
      query: ['factorId'],
      headers: ['accept', 'authorization', 'x-authing-app-id'],
      auth: 'bare',
      body: 'none',
    });
    const post = exchangeShape(
      exchangeOf('enrollFactor', success(), {
        requestBody: { factorType: 'SMS', enrollmentData: { passCode: '1234' } },
      }),
    );
    expect(post.request).toMatchObject({
      auth: 'bearer',
      body: {
        $: 'object',
        factorType: 'string(SMS)',
        enrollmentData: 'object',
        'enrollmentData.passCode': 'string',
      },
    });
  });
});
