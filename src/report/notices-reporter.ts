import type { Reporter, TestCase } from '@playwright/test/reporter';
import { NOTICE_ANNOTATION } from './notices';

/**
 * Prints each notice the tests leave (`leaveNotice`) once per run, as it first comes: the runner keeps what
 * tests print off the terminal (`quiet`), so a word for the person running goes through here.
 */
export default class NoticesReporter implements Reporter {
  private readonly printed = new Set<string>();

  printsToStdio(): boolean {
    return false;
  }

  onTestEnd(test: TestCase): void {
    for (const { type, description } of test.annotations) {
      if (type !== NOTICE_ANNOTATION || !description || this.printed.has(description)) continue;
      this.printed.add(description);
      process.stdout.write(`${description}\n`);
    }
  }
}
