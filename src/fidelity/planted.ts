import type { CatalogOverrides, ShapeOverrides } from '../config/mock-values';
import type { OperationName } from '../contract';
import type { DriftClass, FidelityReport, Finding } from './verdict';

/**
 * Differences planted in a stand-in on purpose (catalog overrides and shape overrides), and whether a
 * fidelity report found each one, classed as expected and with a proposal, and nothing else.
 */

export interface PlantedDifference {
  /** How the plant reads, e.g. `getFactor success data.profile.phoneCountryCode: null`. */
  readonly plant: string;
  /** The operation the plant names; a catalog plant names none (its scenario may answer several). */
  readonly operation?: OperationName;
  readonly answer: string;
  /** The path its findings name, with `[]` for every bucket of a list. */
  readonly path: string;
}

/** The differences a stand-in's plants make, one per planted field. */
export function plantedDifferences(
  catalogOverrides: CatalogOverrides = {},
  shapeOverrides: ShapeOverrides = [],
): PlantedDifference[] {
  const catalog = Object.entries(catalogOverrides).flatMap(([scenario, override]) =>
    (['httpStatus', 'statusCode', 'apiCode'] as const)
      .filter((field) => override?.[field] !== undefined)
      .map((field) => ({
        plant: `${scenario}: ${field} ${String(override?.[field])} (catalog override)`,
        answer: scenario,
        path: field,
      })),
  );
  const shapes = shapeOverrides.map((override) => ({
    plant: `${override.operation} ${override.answer} ${override.path}: ${override.change}${override.value === undefined ? '' : ` ${JSON.stringify(override.value)}`}`,
    operation: override.operation,
    answer: override.answer,
    path: override.path,
  }));
  return [...catalog, ...shapes];
}

/** `data[factorType=SMS].profile` → `data[].profile`: a plant in list items shows in each bucket. */
const unbucketed = (path: string) => path.replace(/\[factorType=[^\]]+\]/g, '[]');

const shows = (planted: PlantedDifference, finding: Finding) =>
  finding.answer === planted.answer &&
  (planted.operation === undefined || finding.operations.includes(planted.operation)) &&
  unbucketed(finding.path) === planted.path;

export interface PlantedCheck {
  readonly planted: number;
  readonly found: number;
  /** Found, every finding of it of the expected class. */
  readonly classed: number;
  /** Found, every finding of it with a proposal. */
  readonly proposed: number;
  /** Findings no plant accounts for. */
  readonly others: readonly Finding[];
  readonly plants: readonly {
    readonly plant: string;
    readonly findings: readonly Pick<Finding, 'class' | 'operations' | 'path' | 'proposal' | 'scenarios'>[];
  }[];
  /** What is wrong, one line each; none when every plant was found, classed, proposed, and nothing else. */
  readonly problems: readonly string[];
}

/** Checks a fidelity report against the differences planted in the stand-in it compared. */
export function checkPlanted(
  report: FidelityReport,
  planted: readonly PlantedDifference[],
  expected: DriftClass,
): PlantedCheck {
  const problems: string[] = [];
  const plants = planted.map((plant) => {
    const findings = report.findings.filter((finding) => shows(plant, finding));
    if (findings.length === 0) problems.push(`the planted difference ${plant.plant} was not found`);
    for (const finding of findings.filter((f) => f.class !== expected)) {
      problems.push(
        `the planted difference ${plant.plant} was classed ${finding.class}, not ${expected}: ${finding.why}`,
      );
    }
    if (findings.some((finding) => !finding.proposal.change)) {
      problems.push(`the planted difference ${plant.plant} was found without a proposal`);
    }
    return { plant, findings };
  });
  const others = report.findings.filter((finding) => !planted.some((plant) => shows(plant, finding)));
  for (const other of others) {
    problems.push(
      `a difference nothing planted: ${other.class} ${other.operations.join(', ')} ${other.answer} ${other.path}: tenant ${other.tenant}, mock ${other.mock} (${other.scenarios[0]})`,
    );
  }
  const found = plants.filter((p) => p.findings.length > 0);
  return {
    planted: planted.length,
    found: found.length,
    classed: found.filter((p) => p.findings.every((f) => f.class === expected)).length,
    proposed: found.filter((p) => p.findings.every((f) => f.proposal.change !== '')).length,
    others,
    plants: plants.map(({ plant, findings }) => ({
      plant: plant.plant,
      findings: findings.map(({ class: cls, operations, path, proposal, scenarios }) => ({
        class: cls,
        operations,
        path,
        proposal,
        scenarios,
      })),
    })),
    problems,
  };
}

/** The rehearsal's line about its plants. */
export function plantedLine(check: PlantedCheck, expected: DriftClass): string {
  return (
    `fidelity: ${check.found} of ${check.planted} planted differences found, ${check.classed} classed ${expected}, ` +
    `${check.proposed} with a proposal; ${check.others.length} other difference(s)`
  );
}
