import type { ShapeOverride, ShapeOverrides } from '../../config/mock-values';
import type { ErrorScenario, OperationName } from '../../contract';

/** Which answer an answer is: the operation it answers and `success` or the catalog scenario it stands for. */
export interface AnsweredAs {
  readonly operation: OperationName;
  readonly answer: 'success' | ErrorScenario;
}

type Json = unknown;

const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The steps of a path: each a field name, and whether the path goes on into every item of its list. */
function stepsOf(path: string): { field: string; eachItem: boolean }[] {
  return path.split('.').map((segment) => ({
    field: segment.replace(/\[\]$/, ''),
    eachItem: segment.endsWith('[]'),
  }));
}

/** Applies one change at the end of `steps`, below `node`, in place. */
function applyAt(node: Json, steps: ReturnType<typeof stepsOf>, override: ShapeOverride): void {
  const [step, ...rest] = steps;
  if (!step || !isObject(node)) return;
  if (rest.length > 0) {
    const child = node[step.field];
    const targets = step.eachItem ? (Array.isArray(child) ? child : []) : [child];
    for (const target of targets) applyAt(target, rest, override);
    return;
  }
  const present = Object.hasOwn(node, step.field);
  switch (override.change) {
    case 'add':
      node[step.field] = structuredClone(override.value);
      return;
    case 'retype':
      if (present) node[step.field] = structuredClone(override.value);
      return;
    case 'null':
      if (present) node[step.field] = null;
      return;
    case 'remove':
      if (present) delete node[step.field];
      return;
  }
}

/**
 * The body with the planted changes of this answer applied (a rehearsal aid): a copy, the original untouched.
 * Changes of other answers leave it as it is.
 */
export function plantShapeChanges(
  body: Readonly<Record<string, Json>>,
  answeredAs: AnsweredAs | undefined,
  overrides: ShapeOverrides,
): Record<string, Json> {
  const planted = answeredAs
    ? overrides.filter(
        (override) => override.operation === answeredAs.operation && override.answer === answeredAs.answer,
      )
    : [];
  if (planted.length === 0) return body as Record<string, Json>;
  const copy = structuredClone(body) as Record<string, Json>;
  for (const override of planted) applyAt(copy, stepsOf(override.path), override);
  return copy;
}
