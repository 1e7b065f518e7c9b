import { EnrollFactorClient } from '../../src/client';
import { signIn } from '../../src/env/capabilities/sign-in';
import { MAX_CLOCK_AHEAD_MS } from '../../src/mock/control-api';
import { startMock } from '../../src/mock/server';
import { start, tsxArgs } from '../../src/process/run';
import { ControlClient } from './control-client';
import { expect, rawRequest, test, withMock } from './fixtures';

test.describe('the control plane', () => {
  test('with a control token, requests without the right x-mock-control-token are refused', async () => {
    await withMock({ controlToken: 'tok-123' }, async ({ mock }) => {
      const anonymous = new ControlClient(mock.url);
      const wrong = new ControlClient(mock.url, 'tok-999');
      const right = new ControlClient(mock.url, 'tok-123');
      expect((await anonymous.raw('GET', '/health')).status).toBe(401);
      expect((await wrong.raw('GET', '/health')).status).toBe(401);
      expect((await right.health()).status).toBe('ok');
    });
  });

  test('the mock refuses to expose the control plane on a non-loopback interface without a token', async () => {
    await expect(startMock({ port: 0, host: '0.0.0.0' })).rejects.toThrow(
      /refusing to expose the mock control plane/,
    );
    const withToken = await startMock({ port: 0, host: '0.0.0.0', controlToken: 'tok' });
    await withToken.close();
    const withoutControl = await startMock({ port: 0, host: '0.0.0.0', control: false });
    await withoutControl.close();
  });

  test('without the control plane, /__mock/ answers like any unknown route', async () => {
    await withMock({ control: false }, async ({ mock }) => {
      const answer = await rawRequest(`${mock.url}/__mock/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(answer.status).toBe(404);
      expect(answer.json).toMatchObject({ statusCode: 404, message: 'No such endpoint' });
    });
  });

  test('bad control requests get a clear 400 and unknown users a 404', async ({ control }) => {
    const unknownDefect = await control.raw('PUT', '/defects', { defects: ['no-such-defect'] });
    expect(unknownDefect.status).toBe(400);
    expect(JSON.stringify(unknownDefect.body)).toContain('[enroll-factor-harness]');
    const clashing = await control.raw('PUT', '/defects', {
      defects: ['accept-expired-token', 'expire-tokens-early'],
    });
    expect(clashing.status).toBe(400);
    expect(JSON.stringify(clashing.body)).toContain('both replace the rule tokenExpired');
    expect((await control.raw('POST', '/users', { factorTypes: ['SMS', 'PIGEON'] })).status).toBe(400);
    expect((await control.raw('POST', '/clock', { userId: 'nobody', advanceMs: 1 })).status).toBe(404);
    expect((await control.raw('POST', '/clock', { userId: 'x', advanceMs: -5 })).status).toBe(400);
    expect((await control.raw('POST', '/users', '{nope')).status).toBe(400);
  });

  test('a rate limit is refused for a user without a pool of its own, which would share the limit', async ({
    control,
  }) => {
    const shared = await control.raw('POST', '/users', { rateLimitPerSecond: 1 });
    expect(shared.status).toBe(400);
    expect(JSON.stringify(shared.body)).toContain(
      "rateLimitPerSecond: sets the limit of the user's pool, which without userPoolName is the default pool",
    );
    const own = await control.raw('POST', '/users', { userPoolName: 'LimitedPool', rateLimitPerSecond: 1 });
    expect(own.status).toBe(200);
  });

  test('a clock cannot be moved past what dates can hold, and the API keeps answering', async () => {
    const seed = { account: 'clockwise', password: 'pw', email: 'clockwise@example.test' };
    await withMock({ seedUsers: [seed] }, async ({ mock, control }) => {
      const { userId, appId } = mock.seededUsers[0]!;
      const overflow = await control.raw('POST', '/clock', { userId, advanceMs: Number.MAX_SAFE_INTEGER });
      expect(overflow.status).toBe(400);
      expect(JSON.stringify(overflow.body)).toContain('advanceMs: must be at most');
      const nearlyAll = MAX_CLOCK_AHEAD_MS - 1_000;
      expect((await control.raw('POST', '/clock', { userId, advanceMs: nearlyAll })).status).toBe(200);
      const beyond = await control.raw('POST', '/clock', { userId, advanceMs: 2_000 });
      expect(beyond.status).toBe(400);
      expect(JSON.stringify(beyond.body)).toContain('more than 100 years ahead');

      // A token issued on the far-ahead clock, so the send reaches the code that formats the time.
      const accessToken = await signIn(mock.url, appId, seed);
      const client = new EnrollFactorClient({ baseUrl: mock.url, appId, accessToken });
      const sent = await client.raw('sendEnrollFactorRequest', {
        body: { factorType: 'EMAIL', profile: { email: seed.email } },
      });
      expect(sent).toMatchObject({ ok: true, httpStatus: 200 });
      const [code] = await control.outbox(seed.email);
      expect(Date.parse(code!.sentAt)).toBeGreaterThan(Date.now() + nearlyAll - 60_000);
    });
  });

  test('the outbox lists codes newest first for one recipient', async ({ harness, user }) => {
    await user.client.sendEnrollFactorRequest({
      factorType: 'SMS',
      profile: { phoneNumber: user.phoneNumber },
    });
    await harness.control.advance(user.userId, 60_000);
    await user.client.sendEnrollFactorRequest({
      factorType: 'SMS',
      profile: { phoneNumber: user.phoneNumber },
    });
    const outbox = await harness.control.outbox(user.phoneNumber);
    expect(outbox).toHaveLength(2);
    expect(Date.parse(outbox[0]!.sentAt)).toBeGreaterThan(Date.parse(outbox[1]!.sentAt));
    expect(await harness.control.outbox('nobody@example.test')).toEqual([]);
  });

  test('reset forgets users and restores the start-up defects', async () => {
    await withMock({ defects: ['drop-api-code'] }, async (harness) => {
      const user = await harness.newUser();
      await harness.control.setDefects(['bind-nothing']);
      const health = await harness.control.reset();
      expect(health.defects).toEqual(['drop-api-code']);
      expect((await harness.control.stats()).users).toBe(0);
      expect(await user.client.attempt('listEnrolledFactors', {})).toMatchObject({ ok: false });
    });
  });
});

/** `npm run mock` in a child process, with what it has written so far on each stream. */
function startCli(args: readonly string[], env: Record<string, string> = {}) {
  const written = { stdout: '', stderr: '' };
  const { child, result } = start(process.execPath, tsxArgs('cli/mock.ts', ...args), {
    env: { MOCK_LOG_LEVEL: 'silent', ...env },
    onLine: (line, stream) => {
      written[stream] += `${line}\n`;
    },
  });
  return { child, written, exited: result.then(({ exitCode }) => exitCode) };
}

test.describe('npm run mock', () => {
  test('the CLI prints its URL, serves the API and stops gracefully on SIGTERM', async () => {
    test.setTimeout(60_000);
    const { child, exited, written } = startCli([
      '--port',
      '0',
      '--no-control',
      '--defects',
      'drop-api-code',
    ]);
    const urlOf = () => /listening on (http:\/\/\S+)/.exec(written.stdout)?.[1];
    await expect.poll(urlOf, { timeout: 30_000 }).toBeTruthy();
    expect(written.stdout).toContain('control plane: off');
    const answer = await rawRequest(`${urlOf()}/api/v3/list-enrolled-factors`, { method: 'GET' });
    expect(answer.json).toMatchObject({ statusCode: 401 });
    expect(answer.json).not.toHaveProperty('apiCode');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  test('the CLI rejects an unknown defect and every other bad setting in one message', async () => {
    test.setTimeout(60_000);
    const { exited, written } = startCli(['--defects', 'made-up', '--port', '0x3c', '--latency-ms=-5-10'], {
      MOCK_CODE_LENGTH: '1e1',
      MOCK_CONTROL_HOSTS: 'mock.test,http://x/',
    });
    const code = await exited;
    const errors = written.stderr;
    expect(code).toBe(2);
    expect(errors).toContain('[enroll-factor-harness] The mock cannot start with these settings:');
    expect(errors, 'a flag given is named as given').toContain('--defects unknown mock defect(s): made-up');
    expect(errors).toContain('--port must be a whole number');
    expect(errors).toContain('--latency-ms must not be negative: write a range of milliseconds');
    expect(errors, 'a variable given is named as given').toContain('MOCK_CODE_LENGTH must be a whole number');
    expect(errors).toContain('MOCK_CONTROL_HOSTS "http://x/" must be a host name');
    expect(errors).not.toContain('  - MOCK_PORT');
    expect(errors).not.toMatch(/^\s+at /m);
  });

  test('the CLI names the flag or the variable a bad port came from', async () => {
    test.setTimeout(60_000);
    const flag = startCli(['--port', 'abc']);
    const variable = startCli([], { MOCK_PORT: 'abc' });
    const [flagCode, variableCode] = await Promise.all([flag.exited, variable.exited]);
    expect([flagCode, variableCode]).toEqual([2, 2]);
    expect(flag.written.stderr).toContain(
      '  - --port must be a whole number from 0 to 65535, written in digits',
    );
    expect(flag.written.stderr).not.toContain('  - MOCK_PORT');
    expect(variable.written.stderr).toContain(
      '  - MOCK_PORT must be a whole number from 0 to 65535, written in digits',
    );
  });

  test('bound to every interface, the CLI says so and warns, even without the control plane', async () => {
    test.setTimeout(60_000);
    const { child, exited, written } = startCli(['--port', '0', '--no-control', '--host', '0.0.0.0']);
    await expect.poll(() => written.stdout, { timeout: 30_000 }).toContain('control plane: off');
    expect(written.stdout).toMatch(/bound to 0\.0\.0\.0:\d+ \(every network interface\), not only loopback/);
    expect(written.stderr).toMatch(
      /\[enroll-factor-harness\] warning: the mock listens on every network interface/,
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
