import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { OPERATION_NAMES } from '../../src/contract';
import { checkPlanted, plantedDifferences } from '../../src/fidelity/planted';
import { MOCK_RULES, mockRuleFor } from '../../src/fidelity/proposal';
import type { FidelityReport, Finding } from '../../src/fidelity/verdict';

test('every mock rule a proposal names is a function of the module it names', () => {
  for (const operation of OPERATION_NAMES) {
    const { module, rule } = MOCK_RULES[operation];
    expect(readFileSync(module, 'utf8'), `${module} ${rule}()`).toMatch(
      new RegExp(`^(export )?(async )?function ${rule}\\(`, 'm'),
    );
  }
  const answers = readFileSync('src/mock/http/answers.ts', 'utf8');
  for (const rule of ['successAnswer', 'errorAnswer', 'send']) {
    expect(answers).toMatch(new RegExp(`^export function ${rule}\\(`, 'm'));
  }
  expect(
    mockRuleFor({
      operation: 'getFactor',
      answer: 'success',
      path: 'requestId',
      tenant: 'absent',
      mock: 'present',
    }),
  ).toBe('src/mock/http/answers.ts successAnswer()');
  expect(
    mockRuleFor({
      operation: 'getFactor',
      answer: 'success',
      path: 'data.profile',
      tenant: 'null',
      mock: 'object',
    }),
  ).toBe('src/mock/core/factors.ts toFactorDto()');
  expect(
    mockRuleFor({
      operation: 'resetFactor',
      answer: 'unknownFactorId',
      path: 'error',
      tenant: 'string',
      mock: 'missing',
    }),
  ).toBe('src/mock/http/answers.ts errorAnswer()');
});

const finding = (overrides: Partial<Finding>): Finding => ({
  class: 'mock drift',
  operations: ['getFactor'],
  answer: 'success',
  path: 'data.x',
  tenant: 'number',
  mock: 'missing',
  why: '',
  proposal: { to: 'mock rule', change: 'make it so' },
  scenarios: ['t · getFactor #1'],
  ...overrides,
});

test('a planted check counts what was found, how it was classed and proposed, and names everything else', () => {
  const planted = plantedDifferences({ factorAlreadyBound: { statusCode: 409 } }, [
    { operation: 'getFactor', answer: 'success', path: 'data.x', change: 'add', value: 1 },
    { operation: 'listEnrolledFactors', answer: 'success', path: 'data[].y', change: 'remove' },
    { operation: 'resetFactor', answer: 'unknownFactorId', path: 'requestId', change: 'remove' },
  ]);
  expect(planted.map((p) => p.plant)).toEqual([
    'factorAlreadyBound: statusCode 409 (catalog override)',
    'getFactor success data.x: add 1',
    'listEnrolledFactors success data[].y: remove',
    'resetFactor unknownFactorId requestId: remove',
  ]);
  const report = {
    findings: [
      finding({
        operations: ['enrollFactor', 'sendEnrollFactorRequest'],
        answer: 'factorAlreadyBound',
        path: 'statusCode',
      }),
      finding({}),
      finding({
        operations: ['listEnrolledFactors'],
        path: 'data[factorType=SMS].y',
        class: 'contract drift',
      }),
      finding({ operations: ['listEnrolledFactors'], path: 'data[factorType=EMAIL].y' }),
      finding({ operations: ['mfaOtpVerify'], path: 'data.z' }),
    ],
  } as unknown as FidelityReport;
  const check = checkPlanted(report, planted, 'mock drift');
  expect(check).toMatchObject({ planted: 4, found: 3, classed: 2, proposed: 3 });
  expect(check.problems).toEqual([
    'the planted difference listEnrolledFactors success data[].y: remove was classed contract drift, not mock drift: ',
    'the planted difference resetFactor unknownFactorId requestId: remove was not found',
    'a difference nothing planted: mock drift mfaOtpVerify success data.z: tenant number, mock missing (t · getFactor #1)',
  ]);
});
