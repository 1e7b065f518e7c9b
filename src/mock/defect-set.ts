import { parserOf } from '../config/schema';
import { z } from '../contract/zod';
import { HarnessError } from '../errors';
import { DEFECT_IDS, DEFECTS, type DefectId, isDefectId } from './defects';
import { FAITHFUL_RULES, type Rules } from './rules';

/** A list of defects the mock cannot ship: unknown ids, or two defects replacing the same rule. */
export class DefectListError extends HarnessError {
  override readonly name = 'DefectListError';
}

function ruleOf(id: DefectId): keyof Rules {
  return Object.keys(DEFECTS[id].overrides)[0] as keyof Rules;
}

/**
 * Parses `a,b` (CLI, `MOCK_DEFECTS`) or a list into defect ids. Names every unknown id, so a typo never
 * silently runs a faithful mock, and refuses two defects that replace the same rule.
 */
export function parseDefects(input: string | readonly string[] | undefined): DefectId[] {
  if (input === undefined) return [];
  const items = (typeof input === 'string' ? input.split(',') : input)
    .map((item) => item.trim())
    .filter(Boolean);
  const unknown = items.filter((item) => !isDefectId(item));
  if (unknown.length > 0) {
    throw new DefectListError(
      `unknown mock defect(s): ${unknown.join(', ')}. Known defects: ${DEFECT_IDS.join(', ')} (see src/mock/defects.ts).`,
    );
  }
  const ids = [...new Set(items as DefectId[])];
  const byRule = new Map<keyof Rules, DefectId[]>();
  for (const id of ids) byRule.set(ruleOf(id), [...(byRule.get(ruleOf(id)) ?? []), id]);
  const clashes = [...byRule].filter(([, sharing]) => sharing.length > 1);
  if (clashes.length > 0) {
    throw new DefectListError(
      clashes.map(([rule, sharing]) => `${sharing.join(' and ')} both replace the rule ${rule}`).join('; ') +
        '. Ship one of them at a time.',
    );
  }
  return DEFECT_IDS.filter((id) => ids.includes(id));
}

/** `parseDefects` as a zod transform: every problem of the list is a problem of the field that holds it. */
export function defectsOf(input: string | readonly string[] | undefined, ctx: z.RefinementCtx): DefectId[] {
  try {
    return parseDefects(input);
  } catch (error) {
    if (!(error instanceof DefectListError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.detail });
    return z.NEVER;
  }
}

/**
 * `MOCK_DEFECTS` as `src/config/` declares it (a comma-separated list), checked here against the defect ids,
 * which live above the configuration.
 */
export const DefectListVariable = parserOf('MOCK_DEFECTS').transform(defectsOf);

/** The provider defects a running mock ships, and the rules that follow from them. Switchable at run time. */
export class DefectSet {
  private active: readonly DefectId[] = [];
  private effective: Rules = FAITHFUL_RULES;

  constructor(initial: readonly DefectId[] = []) {
    this.replace(initial);
  }

  /** The rules in force: the faithful ones with each active defect's replacement. */
  get rules(): Rules {
    return this.effective;
  }

  replace(ids: readonly string[]): void {
    this.active = parseDefects(ids);
    this.effective = Object.assign({}, FAITHFUL_RULES, ...this.active.map((id) => DEFECTS[id].overrides));
  }

  list(): DefectId[] {
    return [...this.active];
  }
}
