import type { TestInfo } from '@playwright/test';

/**
 * The annotation of a notice: something the person running should read once per run, however many tests
 * (in however many workers) have it to say. The notices reporter prints each text once.
 */
export const NOTICE_ANNOTATION = 'notice';

const left = new Set<string>();

/** Leaves `text` on the running test as a notice, once per worker: the reporter prints it once per run. */
export function leaveNotice(testInfo: Pick<TestInfo, 'annotations'>, text: string): void {
  if (left.has(text)) return;
  left.add(text);
  testInfo.annotations.push({ type: NOTICE_ANNOTATION, description: text });
}
