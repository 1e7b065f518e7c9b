import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { slackMessage, webhookPayload } from '../../src/notify/messages';
import { notifyRun, type RunToNotify } from '../../src/notify/notify-run';
import { postRunSummary } from '../../src/notify/post';
import { runSummary } from '../../src/notify/summary';
import { startSink } from './sink';

/** A report directory whose summary.json holds these totals, as `allure generate` writes it. */
function reportWith(stats: Record<string, number>): { allureReport: string } {
  const allureReport = join(mkdtempSync(join(tmpdir(), 'notify-report-')), 'allure-report');
  mkdirSync(allureReport, { recursive: true });
  writeFileSync(join(allureReport, 'summary.json'), JSON.stringify({ stats, status: 'failed' }));
  return { allureReport };
}

const SECRET_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.c2lnbmF0dXJlLXBsYW50ZWQ';
const SLACK_PATH = '/services/T0PLANTED/B0PLANTED/planted-webhook-secret';

const NIGHTLY: RunToNotify = {
  title: 'nightly staging',
  passed: false,
  paths: reportWith({ total: 9, passed: 6, failed: 2, broken: 1, skipped: 0 }),
  failedTests: [
    {
      testId: 'a',
      title: 'suites › suites/api/token-expiry.spec.ts › SMS › an expired enrollment token is rejected',
      cause: 'product',
      message: 'expect(received).toBe(expected) // Object.is equality',
    },
    {
      testId: 'b',
      title: 'suites › suites/api/full-flow.spec.ts › EMAIL › the enrollment completes',
      cause: 'environment',
      message: `TransportError: POST /api/v3/enroll-factor with Bearer ${SECRET_TOKEN}: cannot reach https://staging.example`,
    },
  ],
  failedSteps: [
    { name: 'quality gate', detail: 'Quality Gate failed with following issues: ⨯ failed tests 2' },
  ],
  fidelity: 0.925,
};

const FAILURES = [
  {
    title: 'suites › suites/api/token-expiry.spec.ts › SMS › an expired enrollment token is rejected',
    cause: 'product',
    category: 'Product defect',
    message: 'expect(received).toBe(expected) // Object.is equality',
  },
  {
    title: 'suites › suites/api/full-flow.spec.ts › EMAIL › the enrollment completes',
    cause: 'environment',
    category: 'Environment unavailable',
    message:
      'TransportError: POST /api/v3/enroll-factor with Bearer [REDACTED]: cannot reach https://staging.example',
  },
  {
    title: 'quality gate',
    cause: 'step',
    category: 'Run step',
    message: 'Quality Gate failed with following issues: ⨯ failed tests 2',
  },
];

const HEADLINE =
  'enroll-factor-harness nightly staging FAILED: 6 passed, 2 failed, 1 broken, 0 skipped; fidelity 92.5 %';
const REPORT_URL = 'https://reports.example.com/enroll-factor-harness/nightly';

test.describe('the summary post', () => {
  test('reaches a Slack incoming webhook with the counts, the fidelity, what failed and why, and the report link', async () => {
    const sink = await startSink();
    try {
      const verdict = await notifyRun(NIGHTLY, {
        NOTIFY_SLACK_WEBHOOK_URL: `${sink.url}${SLACK_PATH}`,
        REPORT_URL: REPORT_URL,
      });
      expect(verdict).toEqual({ status: 'passed', detail: 'posted to NOTIFY_SLACK_WEBHOOK_URL' });
      expect(sink.received).toHaveLength(1);
      const [post] = sink.received;
      expect(post?.path).toBe(SLACK_PATH);
      expect(post?.headers['content-type']).toBe('application/json');
      expect(post?.body).toEqual({
        text: HEADLINE,
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: `*${HEADLINE}*` } },
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: [
                `• ${FAILURES[0]?.title} (Product defect): ${FAILURES[0]?.message}`,
                `• ${FAILURES[1]?.title} (Environment unavailable): ${FAILURES[1]?.message}`,
                `• quality gate (Run step): ${FAILURES[2]?.message}`,
              ].join('\n'),
            },
          },
          { type: 'context', elements: [{ type: 'mrkdwn', text: `<${REPORT_URL}|The Allure report>` }] },
        ],
      });
    } finally {
      await sink.close();
    }
  });

  test('reaches a generic JSON webhook with a text line and the summary as fields', async () => {
    const sink = await startSink();
    try {
      const verdict = await notifyRun(NIGHTLY, {
        NOTIFY_WEBHOOK_URL: `${sink.url}/hooks/harness`,
        REPORT_URL,
      });
      expect(verdict).toEqual({ status: 'passed', detail: 'posted to NOTIFY_WEBHOOK_URL' });
      expect(sink.received.map((post) => post.path)).toEqual(['/hooks/harness']);
      expect(sink.received[0]?.body).toEqual({
        text: [
          HEADLINE,
          ...FAILURES.map((failure) => `- ${failure.title} (${failure.category}): ${failure.message}`),
          `Report: ${REPORT_URL}`,
        ].join('\n'),
        title: 'nightly staging',
        passed: false,
        counts: { total: 9, passed: 6, failed: 2, broken: 1, skipped: 0 },
        fidelity: 0.925,
        failures: FAILURES,
        reportUrl: REPORT_URL,
      });
    } finally {
      await sink.close();
    }
  });

  test('holds no secret: tokens in failure messages are redacted, the webhook address is never sent', async () => {
    const sink = await startSink();
    try {
      await notifyRun(NIGHTLY, {
        NOTIFY_SLACK_WEBHOOK_URL: `${sink.url}${SLACK_PATH}`,
        NOTIFY_WEBHOOK_URL: `${sink.url}/hooks/harness`,
        REPORT_URL,
      });
      expect(sink.received).toHaveLength(2);
      const sent = JSON.stringify(sink.received.map((post) => post.body));
      expect(sent).not.toContain(SECRET_TOKEN);
      expect(sent).not.toContain('planted-webhook-secret');
      expect(sent).toContain('Bearer [REDACTED]');
    } finally {
      await sink.close();
    }
  });

  test('is not sent when nothing is configured', async () => {
    const sink = await startSink();
    try {
      expect(await notifyRun(NIGHTLY, { REPORT_URL })).toEqual({
        status: 'skipped',
        detail: 'nothing configured (NOTIFY_SLACK_WEBHOOK_URL, NOTIFY_WEBHOOK_URL)',
      });
      expect(await postRunSummary(runSummary({ title: 'gate', passed: true }), {})).toEqual([]);
      expect(sink.received).toEqual([]);
    } finally {
      await sink.close();
    }
  });

  test("that fails is a warning naming the variable, never the run's failure nor the address", async () => {
    const sink = await startSink(500);
    const closed = await startSink();
    await closed.close();
    try {
      const outcomes = await postRunSummary(runSummary({ title: 'gate', passed: true }), {
        NOTIFY_SLACK_WEBHOOK_URL: `${closed.url}${SLACK_PATH}`,
        NOTIFY_WEBHOOK_URL: `${sink.url}/hooks/harness`,
      });
      expect(outcomes).toEqual([
        {
          destination: 'NOTIFY_SLACK_WEBHOOK_URL',
          ok: false,
          problem: 'the webhook cannot be reached (ECONNREFUSED)',
        },
        { destination: 'NOTIFY_WEBHOOK_URL', ok: false, problem: 'the webhook answered HTTP 500' },
      ]);
      const verdict = await notifyRun(NIGHTLY, { NOTIFY_WEBHOOK_URL: `${sink.url}/hooks/harness` });
      expect(verdict.status).toBe('skipped');
      expect(JSON.stringify(verdict)).not.toContain(sink.url);
    } finally {
      await sink.close();
    }
  });

  test('lists ten failures and counts the rest; the report has them all', () => {
    const failedTests = Array.from({ length: 13 }, (_, index) => ({
      testId: String(index),
      title: `test ${index}`,
      cause: 'harness' as const,
    }));
    const summary = runSummary({ title: 'gate', passed: false, failedTests });
    const list = slackMessage(summary).blocks[1];
    const lines = (list as { text: { text: string } }).text.text.split('\n');
    expect(lines).toHaveLength(11);
    expect(lines.at(-2)).toBe('• test 9 (Harness error)');
    expect(lines.at(-1)).toBe('… and 3 more');
    expect(webhookPayload(summary).failures).toHaveLength(13);
  });
});
