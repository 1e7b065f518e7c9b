import { execFileSync } from 'node:child_process';

/**
 * What git prints, trimmed (`{ raw: true }`: byte for byte, for file contents), or undefined outside a git
 * checkout, when git is missing, or when the command fails.
 */
export function git(args: readonly string[], options: { readonly raw?: boolean } = {}): string | undefined {
  try {
    const output = execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return options.raw ? output : output.trim() || undefined;
  } catch {
    return undefined;
  }
}

export interface GitFacts {
  readonly commit?: string;
  readonly branch?: string;
}

/** The checked-out commit and branch, where there is a git checkout. */
export function gitFacts(): GitFacts {
  return { commit: git(['rev-parse', 'HEAD']), branch: git(['rev-parse', '--abbrev-ref', 'HEAD']) };
}
