import { HarnessError } from '../errors';

/** Every problem of a configuration, one line each, named by variable, with where to fix them. */
export class ConfigurationError extends HarnessError {
  override readonly name: string = 'ConfigurationError';

  constructor(
    readonly problems: readonly string[],
    options: { readonly heading: string; readonly fix: string },
  ) {
    super([options.heading, ...problems.map((problem) => `  - ${problem}`), options.fix].join('\n'));
  }
}
