import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import { unhandled } from '../contract';
import type { Delivery } from './context';

export interface Deliverer {
  deliver(delivery: Delivery): void;
  /** Waits for deliveries in flight (shutdown, tests). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface DeliveryOptions {
  readonly smtpUrl?: string;
  readonly smtpFrom: string;
  readonly smsWebhookUrl?: string;
  readonly logger: Logger;
}

const WEBHOOK_TIMEOUT_MS = 5_000;

/**
 * Real delivery channels next to the outbox: EMAIL codes over SMTP, SMS codes POSTed as JSON to a
 * webhook. Failures are logged (without the code) and never fail the API call, as with a real provider.
 */
export function createDeliverer({ smtpUrl, smtpFrom, smsWebhookUrl, logger }: DeliveryOptions): Deliverer {
  const inFlight = new Set<Promise<unknown>>();
  const mailer = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;

  const track = (promise: Promise<unknown>, channel: string) => {
    const settled = promise.then(
      () => undefined,
      (error: unknown) => {
        logger.warn({ channel, err: { message: (error as Error)?.message } }, 'code delivery failed');
      },
    );
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
  };

  return {
    deliver(delivery) {
      switch (delivery.channel) {
        case 'EMAIL':
          if (!mailer) return;
          track(
            mailer.sendMail({
              from: smtpFrom,
              to: delivery.to,
              subject: `${delivery.userPoolName}: your MFA verification code`,
              text: `Your verification code is ${delivery.code}. It is valid for a short time; do not share it.`,
            }),
            'EMAIL',
          );
          return;
        case 'SMS':
          if (!smsWebhookUrl) return;
          track(
            fetch(smsWebhookUrl, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                channel: 'SMS',
                phoneNumber: delivery.to,
                phoneCountryCode: delivery.phoneCountryCode,
                code: delivery.code,
                userPoolName: delivery.userPoolName,
                sentAt: delivery.sentAt,
              }),
              signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
            }).then((response) => {
              if (!response.ok) throw new Error(`SMS webhook answered HTTP ${response.status}`);
            }),
            'SMS',
          );
          return;
        default:
          unhandled(delivery.channel);
      }
    },
    async flush() {
      await Promise.all([...inFlight]);
    },
    async close() {
      await this.flush();
      mailer?.close();
    },
  };
}
