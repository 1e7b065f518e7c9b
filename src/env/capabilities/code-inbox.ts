import { setTimeout as sleep } from 'node:timers/promises';
import { HarnessError } from '../../errors';
import type { InboxConfig } from '../config';
import type { MockControl } from '../mock-control';
import type { CodeChannel, CodeInbox, WaitForCodeOptions } from '../types';

const POLL_INTERVAL_MS = 150;
/** Tolerated difference between the clock of a remote inbox and ours. */
const INBOX_CLOCK_SLACK_MS = 2_000;

/** A message as an inbox reports it, reduced to what finding a code needs. */
export interface InboxMessage {
  readonly recipients: readonly string[];
  readonly receivedAtMs?: number;
  /** A code field of the message, if it has one. */
  readonly code?: string;
  /** Text to search for the code. */
  readonly text: string;
}

/** The code of the newest message to `to` received at or after `sentAfterMs`, if any. */
export function newestCode(
  messages: readonly InboxMessage[],
  to: string,
  sentAfterMs: number,
  pattern: RegExp,
): string | undefined {
  const recipient = normalise(to);
  const candidates = messages
    .filter((message) => message.recipients.some((address) => normalise(address) === recipient))
    .filter((message) => message.receivedAtMs === undefined || message.receivedAtMs >= sentAfterMs)
    .sort((a, b) => (b.receivedAtMs ?? 0) - (a.receivedAtMs ?? 0));
  for (const message of candidates) {
    const code = message.code ?? message.text.match(pattern)?.[0];
    if (code) return code;
  }
  return undefined;
}

function normalise(address: string): string {
  return address.trim().toLowerCase().replace(/^\+86/, '');
}

async function poll(
  description: string,
  to: string,
  channel: CodeChannel,
  { timeoutMs = 10_000 }: WaitForCodeOptions,
  read: () => Promise<string | undefined>,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const code = await read();
    if (code) return code;
    if (Date.now() >= deadline) {
      throw new HarnessError(
        `no ${channel} code for ${to} arrived in ${description} within ${timeoutMs} ms. ` +
          `Check that the environment delivers ${channel} codes there (see ${channel}_INBOX in .env.example).`,
      );
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

/** The mock's outbox (`GET /__mock/outbox`); `sentAt` there is in the recipient user's virtual time. */
export function mockOutboxInbox(control: MockControl): CodeInbox {
  const description = 'the mock outbox';
  return {
    description,
    waitForCode(to, channel, options) {
      return poll(description, to, channel, options, async () => {
        const entries = await control.outbox(to);
        const entry = entries.find(
          (candidate) => candidate.channel === channel && Date.parse(candidate.sentAt) >= options.sentAfterMs,
        );
        return entry?.code;
      });
    },
  };
}

async function getJson(url: string, what: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(5_000),
    });
  } catch (error) {
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new HarnessError(`cannot reach ${what} at ${url} (${reason})`);
  }
  if (!response.ok) throw new HarnessError(`${what} at ${url} answered HTTP ${response.status}`);
  return response.json();
}

interface MaildevEmail {
  readonly to?: readonly { readonly address?: string }[];
  readonly time?: string;
  readonly date?: string;
  readonly subject?: string;
  readonly text?: string;
  readonly html?: string;
}

/** The HTTP API of a maildev mail catcher (`GET /api/email`, or `/email` on maildev 1 and 2). */
export function maildevInbox(baseUrl: string, pattern: RegExp): CodeInbox {
  const description = `maildev at ${baseUrl}`;
  let emailPath: string | undefined;
  const list = async (): Promise<MaildevEmail[]> => {
    if (!emailPath) {
      const v3 = await fetch(`${baseUrl}/api/email?limit=0`).catch(() => undefined);
      emailPath = v3?.ok ? '/api/email' : '/email';
    }
    return (await getJson(`${baseUrl}${emailPath}`, description)) as MaildevEmail[];
  };
  return {
    description,
    waitForCode(to, channel, options) {
      return poll(description, to, channel, options, async () => {
        const messages = (await list()).map(
          (email): InboxMessage => ({
            recipients: (email.to ?? []).map((recipient) => recipient.address ?? ''),
            receivedAtMs: Date.parse(email.time ?? email.date ?? '') + INBOX_CLOCK_SLACK_MS || undefined,
            text: [email.subject, email.text, email.html].filter(Boolean).join('\n'),
          }),
        );
        return newestCode(messages, to, options.sentAfterMs, pattern);
      });
    },
  };
}

const RECIPIENT_FIELDS = ['to', 'phoneNumber', 'phone', 'mobile', 'email', 'recipient'] as const;
const CODE_FIELDS = ['code', 'passCode', 'verifyCode'] as const;
const TEXT_FIELDS = ['text', 'message', 'content', 'body', 'subject'] as const;
const TIME_FIELDS = ['receivedAt', 'sentAt', 'createdAt', 'time', 'timestamp'] as const;

/** Reads one message of a generic JSON inbox, whatever field names it uses. */
export function toInboxMessage(record: Record<string, unknown>): InboxMessage {
  const strings = (fields: readonly string[]) =>
    fields.flatMap((field) => {
      const value = record[field];
      if (typeof value === 'string' || typeof value === 'number') return [String(value)];
      if (Array.isArray(value)) return value.filter((item) => typeof item === 'string');
      return [];
    });
  const time = TIME_FIELDS.map((field) => record[field]).find((value) => value !== undefined);
  const receivedAtMs =
    typeof time === 'number' ? time : typeof time === 'string' ? Date.parse(time) : Number.NaN;
  const payload = record.payload;
  const nested =
    payload && typeof payload === 'object' ? toInboxMessage(payload as Record<string, unknown>) : undefined;
  return {
    recipients: [...strings(RECIPIENT_FIELDS), ...(nested?.recipients ?? [])],
    receivedAtMs: Number.isNaN(receivedAtMs) ? nested?.receivedAtMs : receivedAtMs + INBOX_CLOCK_SLACK_MS,
    code: strings(CODE_FIELDS)[0] ?? nested?.code,
    text: [...strings(TEXT_FIELDS), nested?.text ?? ''].join('\n'),
  };
}

/**
 * A generic HTTP JSON inbox: `GET <url>?to=<recipient>` answers an array of messages (or `{ messages }`),
 * each naming its recipient (`to`, `phoneNumber`, …) and carrying the code (`code`, or inside `text`, …).
 */
export function httpJsonInbox(url: string, pattern: RegExp): CodeInbox {
  const description = `the HTTP JSON inbox at ${url}`;
  return {
    description,
    waitForCode(to, channel, options) {
      return poll(description, to, channel, options, async () => {
        const target = new URL(url);
        target.searchParams.set('to', to);
        const body = await getJson(target.href, description);
        const records = Array.isArray(body) ? body : ((body as { messages?: unknown[] })?.messages ?? []);
        const messages = records
          .filter(
            (record): record is Record<string, unknown> => typeof record === 'object' && record !== null,
          )
          .map(toInboxMessage);
        return newestCode(messages, to, options.sentAfterMs, pattern);
      });
    },
  };
}

/** An environment configured with fixed test codes for its test numbers and addresses. */
export function staticCodeInbox(code: string): CodeInbox {
  return { description: 'a static test code', waitForCode: async () => code };
}

export function createCodeInbox(config: InboxConfig, pattern: RegExp, control?: MockControl): CodeInbox {
  switch (config.kind) {
    case 'mock':
      if (!control) throw new HarnessError(`the mock outbox needs the mock control plane`);
      return mockOutboxInbox(control);
    case 'maildev':
      return maildevInbox(config.url, pattern);
    case 'http-json':
      return httpJsonInbox(config.url, pattern);
    case 'static':
      return staticCodeInbox(config.code);
  }
}
