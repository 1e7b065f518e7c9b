import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FactorType } from '../../contract';
import { scopedDir } from './factor-lock';

/**
 * The factor types a designated user keeps bound because the environment refused to reset them, for the
 * rest of the run (`HARNESS_RUN_ID`): every worker process of the run reads them, so the tests that would
 * bind such a type on that user again are skipped instead of failing one after another on "already bound".
 */
export class StuckFactors {
  private readonly dir: string;

  constructor(
    scope: string,
    private readonly runId: string | undefined = process.env.HARNESS_RUN_ID,
  ) {
    this.dir = scopedDir('stuck', scope);
  }

  /** Records the finding that left `factorType` bound on this user. */
  mark(factorType: FactorType, finding: string): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(this.file(factorType), JSON.stringify({ runId: this.runId ?? null, finding }));
  }

  /** The finding that left `factorType` bound on this user in this run, if any. */
  findingFor(factorType: FactorType): string | undefined {
    try {
      const marker = JSON.parse(readFileSync(this.file(factorType), 'utf8')) as {
        runId: string | null;
        finding: string;
      };
      return marker.runId === (this.runId ?? null) ? marker.finding : undefined;
    } catch {
      return undefined;
    }
  }

  private file(factorType: FactorType): string {
    return join(this.dir, `${factorType}.json`);
  }
}
