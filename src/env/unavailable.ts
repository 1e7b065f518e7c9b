import { HarnessError } from '../errors';

/**
 * Something a test needs that this environment cannot give it: an optional capability it lacks (a second
 * user), or a designated user left unusable by an earlier finding. The test is skipped with this message,
 * not failed: the finding itself was reported once, where it was made.
 */
export class UnavailableError extends HarnessError {
  override readonly name: string = 'UnavailableError';
}
