import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { MailDev } from 'maildev';
import { freePort } from '../../src/process/server';
import { expect, startEnrollment, test, withMock } from './fixtures';

interface ReceivedMail {
  readonly to: string[];
  readonly text: string;
}

test.describe('real delivery of codes when configured', () => {
  test('EMAIL codes are also mailed over SMTP to a maildev inbox', async () => {
    const smtpPort = await freePort();
    const maildev = new MailDev({ smtp: smtpPort, ip: '127.0.0.1', disableWeb: true, silent: true } as never);
    const { smtp } = await maildev.start();
    const received: ReceivedMail[] = [];
    smtp.on('new', (email: { to?: { address: string }[]; text?: string }) => {
      received.push({ to: (email.to ?? []).map((r) => r.address), text: email.text ?? '' });
    });
    try {
      await withMock({ smtpUrl: `smtp://127.0.0.1:${smtpPort}` }, async (harness) => {
        const user = await harness.newUser();
        const { passCode } = await startEnrollment(harness, user, 'EMAIL');
        await expect
          .poll(() => received.find((mail) => mail.to.includes(user.email)), { timeout: 10_000 })
          .toBeTruthy();
        const mail = received.find((m) => m.to.includes(user.email))!;
        expect(mail.text).toContain(passCode!);
      });
    } finally {
      await maildev.stop();
    }
  });

  test('SMS codes are also POSTed as JSON to the SMS webhook', async () => {
    const posts: unknown[] = [];
    const webhook = createHttpServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        posts.push({ contentType: request.headers['content-type'], body: JSON.parse(body) });
        response.writeHead(204).end();
      });
    }).listen(0, '127.0.0.1');
    await once(webhook, 'listening');
    const { port } = webhook.address() as { port: number };
    try {
      await withMock({ smsWebhookUrl: `http://127.0.0.1:${port}/sms` }, async (harness) => {
        const user = await harness.newUser();
        const { passCode } = await startEnrollment(harness, user, 'SMS');
        await expect.poll(() => posts.length, { timeout: 10_000 }).toBe(1);
        expect(posts[0]).toMatchObject({
          contentType: 'application/json',
          body: { channel: 'SMS', phoneNumber: user.phoneNumber, phoneCountryCode: '+86', code: passCode },
        });
      });
    } finally {
      await new Promise((resolve) => webhook.close(resolve));
    }
  });

  test('an unreachable SMS webhook does not fail the API call', async () => {
    const port = await freePort();
    await withMock({ smsWebhookUrl: `http://127.0.0.1:${port}/down` }, async (harness) => {
      const user = await harness.newUser();
      const started = await startEnrollment(harness, user, 'SMS');
      expect(started.passCode).toMatch(/^\d{6}$/);
    });
  });
});
