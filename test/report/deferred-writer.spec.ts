import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Suite } from '@playwright/test/reporter';
import type { TestResult } from 'allure-js-commons';
import HarnessAllureReporter from '../../src/report/allure-reporter';
import { DeferredWriter } from '../../src/report/deferred-writer';

const result = (uuid: string, name: string) => ({ uuid, name }) as TestResult;

test.describe('the Allure writer of the runner', () => {
  let dir: string;
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'deferred-writer-'));
  });
  test.afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('has every result and attachment in place, whole, once settled, and no temporary file left', async () => {
    const writer = new DeferredWriter(dir);
    writer.writeResult(result('a', 'first'));
    writer.writeAttachment('b-attachment.json', Buffer.from('{"x":1}'));
    // Asked twice, the same file ends as the second write asked: writes of one file keep their order.
    writer.writeResult(result('a', 'second'));
    await writer.settled();
    expect(readdirSync(dir).sort()).toEqual(['a-result.json', 'b-attachment.json']);
    expect(JSON.parse(readFileSync(join(dir, 'a-result.json'), 'utf8'))).toEqual({
      uuid: 'a',
      name: 'second',
    });
    expect(readFileSync(join(dir, 'b-attachment.json'), 'utf8')).toBe('{"x":1}');
  });

  test('names the files it could not write and what to check, instead of losing them quietly', async () => {
    const writer = new DeferredWriter(dir);
    writer.writeAttachmentFromPath('gone-attachment.txt', join(dir, 'no such file'));
    writer.writeResult(result('kept', 'a result'));
    await expect(writer.settled()).rejects.toThrow(
      /1 Allure result file\(s\) could not be written .*gone-attachment\.txt: ENOENT.*Check that the folder is writable/,
    );
    expect(readdirSync(dir)).toEqual(['kept-result.json']);
  });

  test('is the one allure-playwright writes through, in the harness reporter', () => {
    const reporter = new HarnessAllureReporter({ resultsDir: dir });
    reporter.onBegin({ allTests: () => [], suites: [] } as unknown as Suite);
    expect(
      reporter.defersWrites,
      'allure-playwright no longer keeps its runtime where the reporter sets the writer',
    ).toBe(true);
  });
});
