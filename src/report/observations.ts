import type { CatalogEntry } from '../contract';

/** What a run observed of the error answers whose catalog entry is assumed, and how it compares. */

/** The fields compared with the catalog; the message is free text, shown but never compared. */
export const COMPARED = ['httpStatus', 'statusCode', 'apiCode'] as const;
export type ComparedField = (typeof COMPARED)[number];

export interface ObservedAnswer {
  readonly httpStatus: number;
  readonly statusCode: number;
  readonly apiCode?: number;
  readonly message: string;
}

export interface Observation {
  readonly scenario: string;
  readonly observed: ObservedAnswer;
  /** The test that observed it. */
  readonly test: string;
}

export interface ObservedVariant {
  readonly answer: Omit<ObservedAnswer, 'message'>;
  readonly count: number;
  readonly messages: readonly string[];
  readonly tests: readonly string[];
}

export interface ObservationRow {
  readonly scenario: string;
  /** The catalog's answer now; absent when the scenario is no longer in the catalog. */
  readonly catalog?: Pick<CatalogEntry, ComparedField | 'source'>;
  readonly variants: readonly ObservedVariant[];
  readonly agrees: boolean;
  /** The catalog change the observations support, where they disagree. */
  readonly proposal?: string;
}

export interface ObservationTable {
  /** Where the run went: `TARGET_ENV` of the run. */
  readonly target: string;
  readonly generatedAt: string;
  readonly resultsDir: string;
  readonly observations: number;
  readonly rows: readonly ObservationRow[];
}
