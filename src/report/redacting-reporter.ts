import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type {
  FullResult,
  Reporter,
  TestCase,
  TestError,
  TestResult,
  TestStep,
} from '@playwright/test/reporter';
import AdmZip from 'adm-zip';
import { redactText } from '../redaction/redact';

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

const TEXT_FILE = /^(text\/|application\/(json|xml))/;

/**
 * Files the worker wrote before any reporter ran (error-context.md, traces) are redacted on disk, so the
 * copies Allure makes of them are clean too. Trace archives are rewritten entry by entry.
 */
function redactAttachmentFile(attachment: TestResult['attachments'][number]): void {
  const { path, contentType } = attachment;
  if (!path || !existsSync(path)) return;
  if (TEXT_FILE.test(contentType)) {
    const text = readFileSync(path, 'utf8');
    const redacted = redactText(text);
    if (redacted !== text) writeFileSync(path, redacted);
  } else if (contentType === 'application/zip' || path.endsWith('.zip')) {
    const archive = new AdmZip(path);
    let changed = false;
    for (const entry of archive.getEntries()) {
      if (entry.isDirectory || /\.(png|jpe?g|webm|woff2?)$/i.test(entry.entryName)) continue;
      const text = entry.getData().toString('utf8');
      const redacted = redactText(text);
      if (redacted !== text) {
        archive.updateFile(entry, Buffer.from(redacted, 'utf8'));
        changed = true;
      }
    }
    if (changed) archive.writeZip(path);
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
    for (const attachment of result.attachments) {
      redactAttachment(attachment);
      redactAttachmentFile(attachment);
    }
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
