import { IncomingWebhook } from '@slack/webhook';
import type { Env } from '../config/parsers';
import { readVariables } from '../config/schema';
import { HarnessError, prefixed } from '../errors';
import { redactText } from '../redaction/redact';
import { slackMessage, webhookPayload } from './messages';
import type { RunSummary } from './summary';

/** Where a summary went, or why it did not get there. Never the webhook's address: it is a secret. */
export interface PostOutcome {
  /** The variable that configured the destination. */
  readonly destination: 'NOTIFY_SLACK_WEBHOOK_URL' | 'NOTIFY_WEBHOOK_URL';
  readonly ok: boolean;
  readonly problem?: string;
}

const TIMEOUT_MS = 10_000;

async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    redirect: 'error',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) {
    throw Object.assign(new Error(`answered HTTP ${response.status}`), { statusCode: response.status });
  }
}

/** Why a post failed, in words that never hold the webhook's address (which names its secret). */
function problemOf(error: unknown, url: string): string {
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number') return `the webhook answered HTTP ${status}`;
  // The network error's code (ECONNREFUSED, ENOTFOUND, …) sits at the end of the chain of causes.
  let code: string | undefined;
  let message = error instanceof Error ? error.message : String(error);
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const own = (current as { code?: unknown }).code;
    if (typeof own === 'string' && /^[A-Z][A-Z_]+$/.test(own)) code = own;
    message = current.message;
  }
  const why = code ? `the webhook cannot be reached (${code})` : message;
  return redactText(why.replaceAll(url, '<the webhook>'));
}

/**
 * Posts a run's summary to the Slack incoming webhook (`NOTIFY_SLACK_WEBHOOK_URL`, through `@slack/webhook`)
 * and the generic JSON webhook (`NOTIFY_WEBHOOK_URL`, plain fetch) that are configured; nothing when neither
 * is. A post that fails is answered as a problem, never thrown: a run's verdict does not hang on a chat.
 */
export async function postRunSummary(summary: RunSummary, env: Env = process.env): Promise<PostOutcome[]> {
  let urls: { NOTIFY_SLACK_WEBHOOK_URL?: string; NOTIFY_WEBHOOK_URL?: string };
  try {
    urls = readVariables(env, ['NOTIFY_SLACK_WEBHOOK_URL', 'NOTIFY_WEBHOOK_URL']);
  } catch (error) {
    const problem = error instanceof HarnessError ? error.detail : String(error);
    return [{ destination: 'NOTIFY_WEBHOOK_URL', ok: false, problem }];
  }
  const posts: Promise<PostOutcome>[] = [];
  const slack = urls.NOTIFY_SLACK_WEBHOOK_URL;
  if (slack) {
    const webhook = new IncomingWebhook(slack, { timeout: TIMEOUT_MS });
    posts.push(
      webhook.send(slackMessage(summary)).then(
        (): PostOutcome => ({ destination: 'NOTIFY_SLACK_WEBHOOK_URL', ok: true }),
        (error): PostOutcome => ({
          destination: 'NOTIFY_SLACK_WEBHOOK_URL',
          ok: false,
          problem: problemOf(error, slack),
        }),
      ),
    );
  }
  const generic = urls.NOTIFY_WEBHOOK_URL;
  if (generic) {
    posts.push(
      postJson(generic, webhookPayload(summary)).then(
        (): PostOutcome => ({ destination: 'NOTIFY_WEBHOOK_URL', ok: true }),
        (error): PostOutcome => ({
          destination: 'NOTIFY_WEBHOOK_URL',
          ok: false,
          problem: problemOf(error, generic),
        }),
      ),
    );
  }
  return Promise.all(posts);
}

/** One line per post that failed, as a warning: the summary did not reach that destination. */
export function postWarnings(outcomes: readonly PostOutcome[]): string[] {
  return outcomes
    .filter((outcome) => !outcome.ok)
    .map((outcome) =>
      prefixed(
        `warning: the run's summary was not posted (${outcome.destination}): ${outcome.problem ?? 'no reason given'}`,
      ),
    );
}
