import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { copyFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestResult, TestResultContainer } from 'allure-js-commons';
import { FileSystemWriter, type Writer } from 'allure-js-commons/sdk/reporter';
import { HarnessError } from '../errors';

/**
 * allure-js-commons' FileSystemWriter, with results and attachments written off the runner's event loop.
 * The stock writer opens, writes, fsyncs and renames each file synchronously in the runner process, where
 * the dispatcher hands the next test to a worker: every exchange a test attaches held that worker up. Here
 * each file is still written to a temporary name and renamed into place, so a reader never sees half a
 * file; `settled()` waits for them all before the run ends. The few files written once per run
 * (environment, categories, globals) keep the stock writer.
 */
export class DeferredWriter implements Writer {
  readonly #stock: FileSystemWriter;
  /** The last write of each file, so two writes of one file land in the order they were asked for. */
  readonly #lastWrite = new Map<string, Promise<void>>();
  readonly #failures: string[] = [];

  constructor(private readonly resultsDir: string) {
    mkdirSync(resultsDir, { recursive: true });
    this.#stock = new FileSystemWriter({ resultsDir });
  }

  #publish(name: string, write: (tempPath: string) => Promise<void>): void {
    const path = join(this.resultsDir, name);
    const tempPath = join(this.resultsDir, `.allure-write-${randomUUID()}.tmp`);
    const previous = this.#lastWrite.get(path) ?? Promise.resolve();
    const done = previous
      .then(() => write(tempPath))
      .then(() => rename(tempPath, path))
      .catch(async (error: unknown) => {
        this.#failures.push(`${name}: ${(error as Error).message}`);
        await rm(tempPath, { force: true });
      });
    this.#lastWrite.set(path, done);
  }

  writeResult(result: TestResult): void {
    const text = JSON.stringify(result);
    this.#publish(`${result.uuid}-result.json`, (tempPath) => writeFile(tempPath, text, 'utf8'));
  }

  writeGroup(result: TestResultContainer): void {
    const text = JSON.stringify(result);
    this.#publish(`${result.uuid}-container.json`, (tempPath) => writeFile(tempPath, text, 'utf8'));
  }

  writeAttachment(distFileName: string, content: Buffer): void {
    this.#publish(distFileName, (tempPath) => writeFile(tempPath, content));
  }

  writeAttachmentFromPath(distFileName: string, from: string): void {
    this.#publish(distFileName, (tempPath) => copyFile(from, tempPath));
  }

  writeEnvironmentInfo(...args: Parameters<Writer['writeEnvironmentInfo']>): void {
    this.#stock.writeEnvironmentInfo(...args);
  }

  writeCategoriesDefinitions(...args: Parameters<Writer['writeCategoriesDefinitions']>): void {
    this.#stock.writeCategoriesDefinitions(...args);
  }

  writeGlobals(...args: Parameters<Writer['writeGlobals']>): void {
    this.#stock.writeGlobals(...args);
  }

  /** Resolves once every file asked for so far is in place; rejects naming each one that could not be written. */
  async settled(): Promise<void> {
    await Promise.all(this.#lastWrite.values());
    if (this.#failures.length > 0) {
      throw new HarnessError(
        `${this.#failures.length} Allure result file(s) could not be written to ${this.resultsDir}, so the report will miss them: ${this.#failures.join('; ')}. Check that the folder is writable and the disk not full.`,
      );
    }
  }
}
