import type {
  FullResult,
  Reporter,
  TestCase,
  TestError,
  TestResult,
  TestStep,
} from '@playwright/test/reporter';
import { redactText } from './redact';

const ALLURE_MESSAGE = 'application/vnd.allure.message+json';
const TEXTUAL = /^(text\/|application\/(json|xml|x-www-form-urlencoded|.*\+json|.*\+xml))/;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function redactError(error: TestError | undefined): void {
  if (!error) return;
  const mutable = error as Mutable<TestError>;
  if (mutable.message) mutable.message = redactText(mutable.message);
  if (mutable.stack) mutable.stack = redactText(mutable.stack);
  if (mutable.value) mutable.value = redactText(mutable.value);
  if (mutable.snippet) mutable.snippet = redactText(mutable.snippet);
  redactError(mutable.cause);
}

/** Allure runtime messages carry attachment content base64-encoded: decode, redact, re-encode. */
function redactAllureMessage(text: string): string {
  const message = JSON.parse(text) as unknown;
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (key === 'content' && typeof value === 'string' && record.encoding === 'base64') {
        record[key] = Buffer.from(redactText(Buffer.from(value, 'base64').toString('utf8'))).toString(
          'base64',
        );
      } else if (typeof value === 'string') {
        record[key] = redactText(value);
      } else {
        visit(value);
      }
    }
  };
  visit(message);
  return JSON.stringify(message);
}

function redactAttachment(attachment: TestResult['attachments'][number]): void {
  if (!attachment.body) return;
  const mutable = attachment as Mutable<typeof attachment>;
  const text = attachment.body.toString('utf8');
  if (attachment.contentType === ALLURE_MESSAGE) {
    try {
      mutable.body = Buffer.from(redactAllureMessage(text));
      return;
    } catch {
      // Not JSON after all: fall through to plain-text redaction.
    }
  }
  if (attachment.contentType === ALLURE_MESSAGE || TEXTUAL.test(attachment.contentType)) {
    mutable.body = Buffer.from(redactText(text));
  }
}

function redactStep(step: TestStep): void {
  const mutable = step as Mutable<TestStep>;
  mutable.title = redactText(step.title);
  redactError(mutable.error);
  for (const attachment of step.attachments ?? []) redactAttachment(attachment);
}

function redactOutput(chunks: (string | Buffer)[]): void {
  chunks.forEach((chunk, index) => {
    chunks[index] = redactText(chunk.toString());
  });
}

/**
 * Redacts what the reporters after it see: step titles and errors, test errors, captured stdout and
 * stderr, and textual attachments (Allure runtime messages included). Playwright hands every reporter the
 * same objects in the order of `reporter` in the config, so this one must come first.
 */
export default class RedactingReporter implements Reporter {
  printsToStdio(): boolean {
    return false;
  }

  onStepEnd(_test: TestCase, _result: TestResult, step: TestStep): void {
    redactStep(step);
  }

  onTestEnd(_test: TestCase, result: TestResult): void {
    for (const attachment of result.attachments) redactAttachment(attachment);
    for (const step of result.steps) redactStep(step);
    redactOutput(result.stdout);
    redactOutput(result.stderr);
    redactError(result.error);
    for (const error of result.errors) redactError(error);
  }

  onError(error: TestError): void {
    redactError(error);
  }

  onEnd(_result: FullResult): void {}
}
