import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ConfigError, loadConfig, loadEnvFiles, parseConfig, runSeed } from '../../src/env';

const REAL = {
  TARGET_ENV: 'staging',
  GENAUTH_BASE_URL: 'https://example.genauth.ai/',
  GENAUTH_APP_ID: 'app',
  GENAUTH_ACCOUNT: 'tester',
  GENAUTH_PASSWORD: 'secret',
  SMS_INBOX: 'http-json',
  SMS_INBOX_URL: 'http://127.0.0.1:4170/messages',
  EMAIL_INBOX: 'maildev',
  EMAIL_INBOX_URL: 'http://127.0.0.1:1080',
  FACE_PHOTO_URL: 'https://cdn.example.com/face.jpg',
};

test.describe('configuration', () => {
  test('the mock needs no variables and gets the documented defaults', () => {
    const result = parseConfig({}, () => 0.5);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      targetEnv: 'mock',
      kind: 'mock',
      baseUrl: undefined,
      inboxes: { SMS: { kind: 'mock' }, EMAIL: { kind: 'mock' } },
      enrollmentTokenTtlSeconds: 60,
      expiryMarginMs: 1000,
      codeTimeoutMs: 10_000,
      emailDomain: 'example.com',
      fakerSeed: 2 ** 30,
    });
    expect(result.config.codePattern.exec('Your code is 042917, valid for 60 s')?.[0]).toBe('042917');
  });

  test('the default code pattern finds a code of four or six digits, and no longer number', () => {
    const result = parseConfig({ TARGET_ENV: 'mock' });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const find = (text: string) => result.config.codePattern.exec(text)?.[0];
    expect(find('Pool: your MFA verification code. Your verification code is 2883. Valid for 60 s')).toBe(
      '2883',
    );
    expect(find('Your verification code is 042917, valid for 60 s')).toBe('042917');
    expect(find('Sent to 13800000000, code 12345678')).toBeUndefined();
    expect(find('code 12345')).toBeUndefined();
  });

  test('the embedded mock can be told to issue shorter codes, within what the mock accepts', () => {
    const short = parseConfig({ TARGET_ENV: 'mock', MOCK_CODE_LENGTH: '4' });
    expect(short.ok && short.config.mockCodeLength).toBe(4);
    const wrong = parseConfig({ TARGET_ENV: 'mock', MOCK_CODE_LENGTH: '3' });
    expect(wrong.ok ? [] : wrong.problems).toEqual(['MOCK_CODE_LENGTH must be at least 4']);
  });

  test('a latency is a range of milliseconds; anything else is refused with what to write', () => {
    const configured = parseConfig({ ...REAL, LATENCY_MS: '100-200' });
    expect(configured.ok && configured.config.latency).toEqual({ minMs: 100, maxMs: 200 });
    const unset = parseConfig(REAL);
    expect(unset.ok && unset.config.latency, 'a real target answers within a second').toEqual({
      minMs: 0,
      maxMs: 1000,
    });
    const problems = (value: string) => {
      const result = parseConfig({ ...REAL, LATENCY_MS: value, MOCK_LATENCY_MS: value });
      return result.ok ? [] : result.problems;
    };
    const write = 'write a range of milliseconds, <min>-<max>, such as 100-200 (0-0 for none)';
    expect(problems('150')).toEqual([
      `LATENCY_MS is not a range: ${write}`,
      `MOCK_LATENCY_MS is not a range: ${write}`,
    ]);
    expect(problems('-100-200')[0]).toBe(`LATENCY_MS must not be negative: ${write}`);
    expect(problems('200-100')[0]).toBe(`LATENCY_MS starts above its end: ${write}`);
  });

  test('a complete real configuration is accepted, with the trailing slash of the base URL dropped', () => {
    const config = loadConfig(REAL);
    expect(config).toMatchObject({
      kind: 'real',
      baseUrl: 'https://example.genauth.ai',
      user: { account: 'tester', password: 'secret' },
      inboxes: { SMS: { kind: 'http-json' }, EMAIL: { kind: 'maildev', url: 'http://127.0.0.1:1080' } },
      facePhoto: { photo: 'https://cdn.example.com/face.jpg', isExternalPhoto: true },
    });
  });

  test('a real environment with nothing set lists every missing variable', () => {
    const result = parseConfig({ TARGET_ENV: 'staging' });
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    const names = result.problems.map((problem) => problem.split(' ')[0]);
    expect(names).toEqual([
      'GENAUTH_BASE_URL',
      'GENAUTH_APP_ID',
      'GENAUTH_ACCESS_TOKEN',
      'FACE_PHOTO_URL',
      'SMS_INBOX',
      'EMAIL_INBOX',
    ]);
  });

  test('shards running at the same time each take every n-th designated user, never the same one', () => {
    const pool = {
      ...REAL,
      GENAUTH_ACCOUNT_2: 'second',
      GENAUTH_PASSWORD_2: 'secret-2',
      GENAUTH_ACCOUNT_3: 'third',
      GENAUTH_PASSWORD_3: 'secret-3',
    };
    const accounts = (shard?: string) => {
      const result = parseConfig({ ...pool, DESIGNATED_USERS_SHARD: shard });
      if (!result.ok) throw new Error(result.problems.join('; '));
      return [result.config.user, ...result.config.poolUsers].map((user) =>
        user && 'account' in user ? user.account : user,
      );
    };
    expect(accounts()).toEqual(['tester', 'second', 'third']);
    expect(accounts('1/2')).toEqual(['tester', 'third']);
    expect(accounts('2/2')).toEqual(['second']);
  });

  test('a shard without a designated user of its own is refused before anything runs', () => {
    const result = parseConfig({ ...REAL, DESIGNATED_USERS_SHARD: '2/2' });
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.problems.join('\n')).toContain(
      'DESIGNATED_USERS_SHARD=2/2 needs a designated user for each of the 2 shards running at the same time, and the pool has 1',
    );
    const bad = parseConfig({ ...REAL, DESIGNATED_USERS_SHARD: '3/2' });
    expect(bad).toMatchObject({ ok: false });
    if (bad.ok) return;
    expect(bad.problems.join('\n')).toContain('DESIGNATED_USERS_SHARD must be i/n with 1 ≤ i ≤ n');
  });

  test('bad values are named with what is wrong', () => {
    const result = parseConfig({
      ...REAL,
      GENAUTH_BASE_URL: 'example.genauth.ai',
      ENROLLMENT_TOKEN_TTL_SECONDS: 'soon',
      EXPIRY_MARGIN_MS: '-5',
      SMS_INBOX: 'carrier-pigeon',
      CODE_PATTERN: '(',
      GENAUTH_PASSWORD: '',
    });
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    const text = result.problems.join('\n');
    expect(text).toContain('GENAUTH_BASE_URL must be an http(s) URL');
    expect(text).toContain('ENROLLMENT_TOKEN_TTL_SECONDS must be a whole number');
    expect(text).toContain('EXPIRY_MARGIN_MS must be a whole number of at least 1');
    expect(text).toContain('SMS_INBOX must be one of mock, maildev, http-json, static');
    expect(text).toContain('CODE_PATTERN is not a valid regular expression');
    expect(text).toContain('GENAUTH_ACCOUNT and GENAUTH_PASSWORD must be set together');
  });

  test('numbers are plain decimals: hexadecimal and exponents are refused', () => {
    const result = parseConfig({ CODE_TIMEOUT_MS: '0x3c', EXPIRY_MARGIN_MS: '1e3', FAKER_SEED: ' 42 ' });
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.problems).toEqual([
      'CODE_TIMEOUT_MS must be a whole number of at least 1, written in digits',
      'EXPIRY_MARGIN_MS must be a whole number of at least 1, written in digits',
    ]);
    const decimal = parseConfig({ CODE_TIMEOUT_MS: '60', EXPIRY_MARGIN_MS: '1000' });
    expect(decimal.ok && [decimal.config.codeTimeoutMs, decimal.config.expiryMarginMs]).toEqual([60, 1000]);
  });

  test('the run seed is drawn only when FAKER_SEED is unset, and a mistyped one is still reported', () => {
    const unset: NodeJS.ProcessEnv = {};
    const blank: NodeJS.ProcessEnv = { FAKER_SEED: '  ' };
    const given: NodeJS.ProcessEnv = { FAKER_SEED: ' 42 ' };
    const typo: NodeJS.ProcessEnv = { FAKER_SEED: '12a' };
    for (const env of [unset, blank, given, typo]) runSeed(env, () => 0.5);
    expect([unset, blank, given, typo].map((env) => env.FAKER_SEED)).toEqual([
      String(2 ** 30),
      String(2 ** 30),
      '42',
      '12a',
    ]);
    const result = parseConfig(typo);
    expect(result.ok ? [] : result.problems).toEqual([
      'FAKER_SEED must be a whole number of at least 0, written in digits',
    ]);
  });

  test('inboxes need their address or code, and the mock outbox only exists on the mock', () => {
    const result = parseConfig({
      ...REAL,
      SMS_INBOX: 'static',
      SMS_INBOX_URL: '',
      EMAIL_INBOX: 'mock',
    });
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.problems).toEqual([
      'SMS_STATIC_CODE is missing: the fixed test code of the environment',
      'EMAIL_INBOX=mock needs the mock control plane; use it only with TARGET_ENV=mock',
    ]);
  });

  test('the message has the harness prefix, one line per problem and points to .env.example', () => {
    const { message } = new ConfigError('staging', ['A is missing', 'B must be a number']);
    expect(message.split('\n')).toEqual([
      '[enroll-factor-harness] The configuration for TARGET_ENV=staging is incomplete or invalid:',
      '  - A is missing',
      '  - B must be a number',
      'Set these variables in the environment or in .env or .env.staging; .env.example describes every variable.',
    ]);
  });

  test('.env.<TARGET_ENV> overrides .env, and the process environment overrides both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'harness-env-'));
    writeFileSync(
      join(dir, '.env'),
      'TARGET_ENV=staging\nGENAUTH_APP_ID=from-env\nFAKER_SEED=1\nCODE_TIMEOUT_MS=5\n',
    );
    writeFileSync(join(dir, '.env.staging'), 'GENAUTH_APP_ID=from-staging\nFAKER_SEED=2\nCODE_TIMEOUT_MS=\n');
    const env: NodeJS.ProcessEnv = { FAKER_SEED: '3' };
    const loaded = loadEnvFiles(env, dir);
    expect(loaded).toEqual({
      targetEnv: 'staging',
      dir,
      files: ['.env', '.env.staging'],
      available: ['.env', '.env.staging'],
    });
    expect(env).toMatchObject({
      TARGET_ENV: 'staging',
      GENAUTH_APP_ID: 'from-staging',
      FAKER_SEED: '3',
      CODE_TIMEOUT_MS: '5',
    });
  });

  test('a TARGET_ENV that names no .env file is said so, with the files there are', () => {
    const dir = mkdtempSync(join(tmpdir(), 'harness-env-'));
    for (const name of ['.env.staging', '.env.rehearsal', '.env.example']) writeFileSync(join(dir, name), '');
    const env: NodeJS.ProcessEnv = { TARGET_ENV: 'stagng' };
    const loaded = loadEnvFiles(env, dir);
    expect(() => loadConfig(env, loaded)).toThrow(
      `TARGET_ENV=stagng names no file: .env.stagng is not in ${dir}, and the files there are: .env.rehearsal, .env.staging. Check TARGET_ENV for a typo, or create .env.stagng from .env.example.`,
    );
    const none = mkdtempSync(join(tmpdir(), 'harness-env-'));
    expect(() => loadConfig({ TARGET_ENV: 'stagng' }, loadEnvFiles({ TARGET_ENV: 'stagng' }, none))).toThrow(
      'and there is no .env.<name> file.',
    );
  });

  test('CI may set every variable without a file: no message about files, nor for a bad value alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'harness-env-'));
    const ci: NodeJS.ProcessEnv = { ...REAL, TARGET_ENV: 'ci-staging' };
    const loaded = loadEnvFiles(ci, dir);
    expect(loaded.files).toEqual([]);
    expect(loadConfig(ci, loaded).targetEnv).toBe('ci-staging');
    const bad = { ...ci, EXPIRY_MARGIN_MS: 'soon' };
    expect(() => loadConfig(bad, loaded)).toThrow(/EXPIRY_MARGIN_MS must be a whole number/);
    let message = '';
    try {
      loadConfig(bad, loaded);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('names no file');
  });
});
