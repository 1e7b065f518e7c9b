import { execFileSync } from 'node:child_process';
import type { GitFacts } from './broker';

function git(args: string[]): string | undefined {
  try {
    return (
      execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/** The checked-out commit and branch, where there is a git checkout. */
export function gitFacts(): GitFacts {
  return { commit: git(['rev-parse', 'HEAD']), branch: git(['rev-parse', '--abbrev-ref', 'HEAD']) };
}
