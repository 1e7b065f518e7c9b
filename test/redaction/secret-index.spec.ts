import { expect, test } from '@playwright/test';
import { SecretIndex } from '../../src/redaction/secret-index';

test('every occurrence of a known value is replaced, wherever it sits in the text', () => {
  const index = new SecretIndex(6);
  index.add('token-123456');
  expect(
    index.replaceIn('token-123456 at the start, token-123456 in the middle and at the end token-123456', '#'),
  ).toBe('# at the start, # in the middle and at the end #');
});

test('the longest known value starting at a position wins', () => {
  const index = new SecretIndex(6);
  index.add('abcdef');
  index.add('abcdefghij');
  expect(index.replaceIn('xx abcdefghij yy abcdefzz', '#')).toBe('xx # yy #zz');
});

test('values shorter than the prefix are ignored and a value is counted once', () => {
  const index = new SecretIndex(6);
  index.add('short');
  index.add('long-enough');
  index.add('long-enough');
  expect(index.size).toBe(1);
  expect(index.replaceIn('short long-enough', '#')).toBe('short #');
});

test('text without known values comes back unchanged, and clear forgets everything', () => {
  const index = new SecretIndex(6);
  index.add('secret-value');
  const text = 'nothing to see here';
  expect(index.replaceIn(text, '#')).toBe(text);
  index.clear();
  expect(index.replaceIn('secret-value', '#')).toBe('secret-value');
});

test('thousands of known values do not change what is found', () => {
  const index = new SecretIndex(6);
  for (let i = 0; i < 20_000; i++) index.add(`tok${String(i).padStart(8, '0')}`);
  expect(index.replaceIn('a tok00012345 b tok00019999 c tok0002', '#')).toBe('a # b # c tok0002');
});
