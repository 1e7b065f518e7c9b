import { DEFECT_IDS, type DefectId, isDefectId } from './defects';

/** The provider defects switched on in a running mock. Mutable at run time through the control plane. */
export class FaultSet {
  private active = new Set<DefectId>();

  constructor(initial: readonly DefectId[] = []) {
    this.replace(initial);
  }

  has(id: DefectId): boolean {
    return this.active.has(id);
  }

  replace(ids: readonly DefectId[]): void {
    this.active = new Set(ids);
  }

  list(): DefectId[] {
    return DEFECT_IDS.filter((id) => this.active.has(id));
  }
}

/**
 * Parses `a,b` (CLI / `MOCK_FAULTS`) or a list into defect ids.
 * Throws a clear error naming every unknown id, so a typo never silently runs a faithful mock.
 */
export function parseFaults(input: string | readonly string[] | undefined): DefectId[] {
  if (input === undefined) return [];
  const items = (typeof input === 'string' ? input.split(',') : input)
    .map((item) => item.trim())
    .filter(Boolean);
  const unknown = items.filter((item) => !isDefectId(item));
  if (unknown.length > 0) {
    throw new Error(
      `[enroll-factor-harness] unknown mock fault(s): ${unknown.join(', ')}. ` +
        `Known faults: ${DEFECT_IDS.join(', ')} (see src/mock/defects.ts).`,
    );
  }
  return [...new Set(items as DefectId[])];
}
