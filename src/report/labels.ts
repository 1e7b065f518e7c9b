import type { FactorType } from '../contract';

export type Severity = 'blocker' | 'critical' | 'normal' | 'minor' | 'trivial';

export interface ScenarioMetadata {
  /** Becomes the Allure feature. Omit for tests about no particular factor type. */
  readonly factorType?: FactorType;
  /** Becomes the Allure story, e.g. `token expiry`. */
  readonly scenario: string;
  /** Default `normal` (allurerc.mjs). */
  readonly severity?: Severity;
  /** Extra tags, with or without a leading `@`. */
  readonly tags?: readonly string[];
  /** The provider defect (src/mock/defects.ts id) the test guards against, shown as a label. */
  readonly defect?: string;
}

export interface TestAnnotation {
  readonly type: string;
  readonly description: string;
}

/** Static test details (`test(title, scenarioDetails({...}), body)`): labels even for skipped tests. */
export interface ScenarioDetails {
  readonly tag: string[];
  readonly annotation: TestAnnotation[];
}

function label(name: string, value: string): TestAnnotation {
  return { type: `allure.label.${name}`, description: value };
}

/**
 * Allure labels for a test as Playwright details: feature = factor type, story = scenario, severity, tags.
 * allure-playwright turns `allure.label.*` annotations into labels; the epic, and severity `normal` when
 * none is given, come from allurerc.mjs.
 */
export function scenarioDetails(metadata: ScenarioMetadata): ScenarioDetails {
  const annotation = [
    ...(metadata.factorType ? [label('feature', metadata.factorType)] : []),
    label('story', metadata.scenario),
    ...(metadata.severity ? [label('severity', metadata.severity)] : []),
    ...(metadata.defect ? [label('defect', metadata.defect)] : []),
  ];
  const tag = [...(metadata.factorType ? [metadata.factorType] : []), ...(metadata.tags ?? [])].map(
    (value) => (value.startsWith('@') ? value : `@${value.toLowerCase().replace(/\s+/g, '-')}`),
  );
  return { tag, annotation };
}
