import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The validator's findings for one pact, kept by the exact bytes it was given: the pact as written, the spec
 * and the validator's version. swagger-mock-validator compiles a JSON schema for every interaction it checks,
 * about 3 s of CPU for the committed pacts, taken from the tests the gate runs beside it; a pact, spec or
 * validator that differs in one byte is validated afresh. Only the validator's output is kept: which findings
 * the known differences account for is decided on every run, from the records as they are then.
 */

const VALIDATOR_MANIFEST = fileURLToPath(
  new URL('../../node_modules/@pactflow/swagger-mock-validator/package.json', import.meta.url),
);

/** Where the findings are kept: with the installed packages, so a fresh `npm ci` starts without them. */
export const OPENAPI_FINDINGS_CACHE = fileURLToPath(
  new URL('../../node_modules/.cache/enroll-factor-harness/openapi-findings', import.meta.url),
);

let validatorVersion: string | undefined;

function keyOf(pactText: string, specFile: string): string {
  validatorVersion ??= (JSON.parse(readFileSync(VALIDATOR_MANIFEST, 'utf8')) as { version: string }).version;
  return createHash('sha256')
    .update(`swagger-mock-validator ${validatorVersion}\0`)
    .update(readFileSync(specFile))
    .update('\0')
    .update(pactText)
    .digest('hex');
}

/**
 * The findings `validate` gives for `pactText` against `specFile`, from the cache when those exact inputs were
 * validated before. A missing or unreadable entry is validated again; one that cannot be written is not kept.
 */
export async function cachedFindings<Finding>(
  pactText: string,
  specFile: string,
  validate: () => Promise<Finding[]>,
  dir = OPENAPI_FINDINGS_CACHE,
): Promise<Finding[]> {
  const file = join(dir, `${keyOf(pactText, specFile)}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Finding[];
  } catch {
    // Not validated yet, or the entry was cut short: validate.
  }
  const findings = await validate();
  try {
    mkdirSync(dir, { recursive: true });
    // Written whole under another name first, so a process reading at the same time never sees half of it.
    const partial = `${file}.${randomUUID()}.partial`;
    writeFileSync(partial, JSON.stringify(findings));
    renameSync(partial, file);
  } catch {
    // A read-only install still checks, only without keeping the result.
  }
  return findings;
}
