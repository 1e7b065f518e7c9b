import { Writable } from 'node:stream';
import { expect, startEnrollment, test, withMock } from './fixtures';

function memoryStream() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

test('the mock logs one structured line per request and never a secret', async () => {
  const { stream, lines } = memoryStream();
  const seed = { account: 'logged-user', password: 'Pa55word-never-logged', email: 'logged@example.test' };
  const secrets: string[] = [seed.password];
  let requests = 0;
  await withMock({ logLevel: 'info', logDestination: stream, seedUsers: [seed] }, async (harness) => {
    const user = await harness.newUser();
    requests++;
    secrets.push(user.accessToken);
    const sms = await startEnrollment(harness, user, 'SMS');
    const otp = await startEnrollment(harness, user, 'OTP');
    requests += 4;
    secrets.push(sms.enrollmentToken, sms.passCode!, otp.enrollmentToken, otp.qrCodeUri!);
    await user.client.enrollFactor({
      factorType: 'SMS',
      enrollmentToken: sms.enrollmentToken,
      enrollmentData: { passCode: sms.passCode! },
    });
    await user.client.with({ authScheme: 'bare' }).listEnrolledFactors();
    requests += 2;
    const signin = await fetch(`${harness.mock.url}/api/v3/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        connection: 'PASSWORD',
        passwordPayload: { account: seed.account, password: seed.password },
      }),
    });
    secrets.push(((await signin.json()) as { data: { access_token: string } }).data.access_token);
    requests++;
  });

  const requestLines = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'request');
  expect(requestLines).toHaveLength(requests);
  expect(requestLines[0]).toMatchObject({
    level: 30,
    reqId: expect.any(String),
    route: '/__mock/users',
    httpStatus: 200,
  });
  expect(
    requestLines.find((entry) => entry.route === '/api/v3/enroll-factor')?.req.headers.authorization,
  ).toBe('[redacted]');
  const text = lines.join('\n');
  for (const secret of secrets) expect(text.includes(secret), 'a secret reached the log').toBe(false);
});

test('the mock logs nothing by default', async () => {
  const { stream, lines } = memoryStream();
  await withMock({ logDestination: stream }, async (harness) => {
    await harness.newUser();
  });
  expect(lines).toEqual([]);
});
