import { readdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, connect, createServer as createTcpServer, type Server } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseConfig } from '../../src/env/config';
import { MockControl } from '../../src/env/mock-control';
import { preflight } from '../../src/env/preflight';
import { startMock } from '../../src/mock/server';
import { type ApiProjectRun, runApiProject } from './api-project-run';

/** Complete settings of a real environment, so only the target itself can be wrong. */
const REAL_TARGET = {
  TARGET_ENV: 'staging',
  GENAUTH_APP_ID: 'app',
  GENAUTH_ACCESS_TOKEN: 'made-up-access-token',
  SMS_INBOX: 'static',
  SMS_STATIC_CODE: '123456',
  EMAIL_INBOX: 'static',
  EMAIL_STATIC_CODE: '123456',
  FACE_PHOTO_URL: 'https://cdn.example.com/face.jpg',
};

async function listening(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A web server that answers every path with a 200 HTML page, as a dev server or a proxy's welcome page does. */
const htmlServer = () =>
  createHttpServer((_request, response) => {
    response
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><html><body>Welcome</body></html>');
  });

/** A TCP service that is not HTTP: it greets and hangs up, as SSH or a database would. */
const nonHttpServer = () => createTcpServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n'));

/** A port nothing listens on: taken, then given back. */
async function closedPortUrl(): Promise<string> {
  const server = createTcpServer();
  const url = await listening(server);
  await new Promise((resolve) => server.close(resolve));
  return url;
}

async function withServer<T>(server: Server, run: (url: string) => Promise<T>): Promise<T> {
  const url = await listening(server);
  try {
    return await run(url);
  } finally {
    server.close();
  }
}

/** The run stopped in global setup with exactly one harness message, no test and no stack trace. */
function expectStoppedBeforeAnyTest(run: ApiProjectRun, problem: RegExp) {
  expect(run.status).toBe(1);
  const messages = run.output
    .split('\n')
    .filter((line) => line.startsWith('[enroll-factor-harness] environment'));
  expect(messages, run.output).toHaveLength(1);
  expect(messages[0]).toMatch(problem);
  expect(run.output).toContain('No test was run.');
  expect(run.output).not.toMatch(/\d+ (passed|failed)|No tests found|SyntaxError/);
  expect(run.output).not.toMatch(/^\s+at /m);
  const results = readdirSync(join(run.reportsDir, 'allure-results')).filter((file) =>
    file.endsWith('-result.json'),
  );
  expect(results).toHaveLength(1);
  const result = JSON.parse(readFileSync(join(run.reportsDir, 'allure-results', results[0]!), 'utf8'));
  expect(result).toMatchObject({
    status: 'broken',
    statusDetails: { message: expect.stringMatching(problem) },
  });
}

test.describe('a wrong GENAUTH_BASE_URL stops the run in one message before any test', () => {
  test('a web server answering HTML with 200 is not the mock', async () => {
    const run = await withServer(htmlServer(), (url) => runApiProject({ GENAUTH_BASE_URL: url }));
    expectStoppedBeforeAnyTest(
      run,
      /is not the GenAuth mock: \/__mock\/health answered HTTP 200 \(text\/html/,
    );
  });

  test('a closed port cannot be reached', async () => {
    const run = await runApiProject({ GENAUTH_BASE_URL: await closedPortUrl() });
    expectStoppedBeforeAnyTest(run, /nothing listens on 127\.0\.0\.1:\d+ \(ECONNREFUSED\)\. Start the mock/);
  });

  test('a TCP service that is not HTTP is named as such', async () => {
    const run = await withServer(nonHttpServer(), (url) => runApiProject({ GENAUTH_BASE_URL: url }));
    expectStoppedBeforeAnyTest(run, /answers, but not in HTTP .*is it the port of another service\?/);
  });

  test('on a real target, a web server answering HTML is not a GenAuth API', async () => {
    const run = await withServer(htmlServer(), (url) =>
      runApiProject({ ...REAL_TARGET, GENAUTH_BASE_URL: url }),
    );
    expectStoppedBeforeAnyTest(
      run,
      /is not a GenAuth API: GET \/api\/v3\/list-factors-to-enroll answered HTTP 200/,
    );
  });
});

test('the control client calls an HTML answer "environment unavailable", not a SyntaxError', async () => {
  await withServer(htmlServer(), async (url) => {
    await expect(new MockControl(url).health()).rejects.toThrow(
      /^\[enroll-factor-harness\] environment unavailable: GET \/__mock\/health answered HTTP 200 with a body that is not JSON \(text\/html\)/,
    );
  });
});

/** A port forward: the mock behind another port, so every request names a Host the mock does not listen on. */
const portForward = (port: number) =>
  createTcpServer((socket) => {
    const upstream = connect(port, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });

test('a mock behind a port forward is told apart from a wrong token: the preflight passes on the fix', async () => {
  const parsed = parseConfig({});
  expect(parsed).toMatchObject({ ok: true });
  if (!parsed.ok) return;
  for (const controlHosts of [[], ['127.0.0.1']]) {
    const mock = await startMock({ port: 0, controlHosts });
    try {
      const result = await withServer(portForward(mock.port), (url) => preflight(parsed.config, url));
      if (controlHosts.length === 0) {
        expect(result.ok === false && result.problem).toMatch(
          /refused the control plane \(HTTP 403\): control plane refuses Host "127\.0\.0\.1:\d+".*MOCK_CONTROL_HOSTS/,
        );
      } else {
        expect(result).toEqual({ ok: true });
      }
    } finally {
      await mock.close();
    }
  }
});

/** The configuration of the mock target, or of a complete real one. */
function configOf(target: 'mock' | 'real') {
  const parsed = parseConfig(
    target === 'mock' ? {} : { ...REAL_TARGET, GENAUTH_BASE_URL: 'https://example.genauth.ai' },
  );
  if (!parsed.ok)
    throw new Error(`the ${target} configuration does not parse: ${parsed.problems.join('; ')}`);
  return parsed.config;
}

/** What the preflight says of `url` for each kind of target. */
async function problemsAt(url: string): Promise<Record<'mock' | 'real', string>> {
  const problemOf = async (target: 'mock' | 'real') => {
    const result = await preflight(configOf(target), url);
    return result.ok ? 'ok' : result.problem;
  };
  return { mock: await problemOf('mock'), real: await problemOf('real') };
}

test.describe('a target that gives no answer is named in words a person can act on', () => {
  test('a port Node.js refuses to connect to is named so, with the port to use instead', async () => {
    for (const port of [9, 6000]) {
      const url = `http://127.0.0.1:${port}`;
      const problems = await problemsAt(url);
      const blocked = new RegExp(
        `^environment unavailable: GENAUTH_BASE_URL=${url.replaceAll('.', '\\.')} uses port ${port}, which Node\\.js \\(like every browser\\) refuses to connect to`,
      );
      expect(problems.mock).toMatch(blocked);
      expect(problems.mock).toContain('npm run mock listens on 4010');
      expect(problems.real).toMatch(blocked);
      expect(problems.real).toContain('leave the port out, HTTPS listens on 443');
      for (const problem of Object.values(problems)) expect(problem).not.toContain('bad port');
    }
  });

  test('a closed port says nothing listens there', async () => {
    const url = await closedPortUrl();
    const { port } = new URL(url);
    const problems = await problemsAt(url);
    expect(problems.mock).toBe(
      `environment unavailable: GENAUTH_BASE_URL=${url} cannot be reached: nothing listens on 127.0.0.1:${port} ` +
        '(ECONNREFUSED). Start the mock (npm run mock) or unset GENAUTH_BASE_URL to use the embedded one.',
    );
    expect(problems.real).toBe(
      `environment unavailable: GENAUTH_BASE_URL=${url} cannot be reached: nothing listens on 127.0.0.1:${port} ` +
        '(ECONNREFUSED). Is the environment up and the URL right?',
    );
  });

  test('a host that does not exist is named, not a port', async () => {
    const problems = await problemsAt('http://no-such-host.invalid:4010');
    expect(problems.real).toMatch(
      /the host no-such-host\.invalid is not found \((ENOTFOUND|EAI_AGAIN)\)|could not be looked up/,
    );
  });
});
