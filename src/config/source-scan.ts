/**
 * The variables a source file reads: `process.env.<NAME>`, `env.<NAME>` and `env['<NAME>']` (the ways it reads
 * them). A name built at run time is not seen; the declarations name those.
 */

const READS = [/\benv\.([A-Z][A-Z0-9_]*)\b/g, /\benv\[\s*['"`]([A-Z][A-Z0-9_]*)['"`]\s*\]/g];

export function variablesReadIn(source: string): string[] {
  const names = READS.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1] ?? ''));
  return [...new Set(names)].sort();
}
