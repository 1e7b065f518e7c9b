import type { IncomingWebhookSendArguments } from '@slack/webhook';
import type { RunSummary, SummaryFailure } from './summary';

/** How many failures a post lists; the rest are counted, and the report has them all. */
const LISTED_FAILURES = 10;

type SlackBlock = NonNullable<IncomingWebhookSendArguments['blocks']>[number];

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)} %`;

/** One line: the run, its verdict, the counts and the fidelity. */
function headline(summary: RunSummary): string {
  const verdict = summary.passed ? 'passed' : 'FAILED';
  const counts = summary.counts
    ? `${summary.counts.passed} passed, ${summary.counts.failed} failed, ${summary.counts.broken} broken, ${summary.counts.skipped} skipped`
    : 'no report was built';
  const fidelity = summary.fidelity === undefined ? '' : `; fidelity ${percent(summary.fidelity)}`;
  return `enroll-factor-harness ${summary.title} ${verdict}: ${counts}${fidelity}`;
}

function failureLine(failure: SummaryFailure): string {
  return `${failure.title} (${failure.category})${failure.message ? `: ${failure.message}` : ''}`;
}

function listed(summary: RunSummary): { lines: string[]; more: number } {
  const lines = summary.failures.slice(0, LISTED_FAILURES).map(failureLine);
  return { lines, more: Math.max(0, summary.failures.length - LISTED_FAILURES) };
}

/** Slack's mrkdwn needs &, < and > escaped in text it did not write. */
const escapeMrkdwn = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The message for a Slack incoming webhook: a fallback text and blocks. */
export function slackMessage(summary: RunSummary): { text: string; blocks: SlackBlock[] } {
  const { lines, more } = listed(summary);
  const blocks: SlackBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(headline(summary))}*` } },
  ];
  if (lines.length > 0) {
    const list = lines.map((line) => `• ${escapeMrkdwn(line)}`);
    if (more > 0) list.push(`… and ${more} more`);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: list.join('\n') } });
  }
  if (summary.reportUrl) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `<${summary.reportUrl}|The Allure report>` }],
    });
  }
  return { text: headline(summary), blocks };
}

/** The body for a generic JSON webhook (Microsoft Teams and other chat tools): a text, and the summary itself. */
export function webhookPayload(summary: RunSummary): Record<string, unknown> {
  const { lines, more } = listed(summary);
  const text = [
    headline(summary),
    ...lines.map((line) => `- ${line}`),
    ...(more > 0 ? [`… and ${more} more`] : []),
    ...(summary.reportUrl ? [`Report: ${summary.reportUrl}`] : []),
  ].join('\n');
  return { text, ...summary };
}
