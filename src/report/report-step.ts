import { test } from '@playwright/test';
import { redactText } from '../redaction/redact';
import { currentTest } from './attach-exchange';

/**
 * Runs `check` as a Playwright step of the running test, so the report shows it beside the exchanges it makes;
 * outside a test it just runs. The title is redacted like every other title. Fits the enrollment kit's
 * `StepRunner` as is.
 */
export async function reportStep<T>(title: string, check: () => Promise<T>): Promise<T> {
  const testInfo = currentTest();
  if (!testInfo) return check();
  // A location given is a stack not captured, as for the exchanges.
  const location = { file: testInfo.file, line: testInfo.line, column: testInfo.column };
  return test.step(redactText(title), check, { location });
}
