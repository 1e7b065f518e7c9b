import { type CatalogEntry, ERROR_CATALOG, type ErrorScenario } from './error-catalog';

/**
 * The message answering `scenario`: the catalog's, and what this answer names after a colon where the entry
 * has a `detail` (the mock's "A required field is missing: enrollmentData"). The catalog stays the one source
 * of every message; the detail only says which part of the request it is about.
 */
export function catalogMessage(scenario: ErrorScenario, detail?: string): string {
  const entry: CatalogEntry = ERROR_CATALOG[scenario];
  return entry.detail !== undefined && detail ? `${entry.message}: ${detail}` : entry.message;
}

/** Whether `message` is the catalog's message of `scenario`, naming whatever detail the entry has. */
export function isCatalogMessage(scenario: ErrorScenario, message: unknown): boolean {
  const entry: CatalogEntry = ERROR_CATALOG[scenario];
  if (typeof message !== 'string') return false;
  return (
    message === entry.message || (entry.detail !== undefined && message.startsWith(`${entry.message}: `))
  );
}
