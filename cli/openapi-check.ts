/**
 * `npm run pact:openapi`: validates every interaction of the committed pacts against the provider's
 * official OpenAPI (src/contract/genauth-mfa-openapi.json) with @pactflow/swagger-mock-validator. Known,
 * deliberate differences are given with their reasons by the interaction records (src/pact/interactions/)
 * and, for every interaction, in src/pact/openapi-known-differences.ts; any other finding, or a known
 * difference that no longer occurs, exits 1. The gate runs the same check.
 */
import { pactSettingsFrom } from '../src/pact/config';
import {
  checkPactDirAgainstOpenApi,
  formatOpenApiCheck,
  openApiCheckPassed,
} from '../src/pact/openapi-check';
import { runMain } from './main';

runMain(async () => {
  const settings = pactSettingsFrom();
  const check = await checkPactDirAgainstOpenApi(settings.pactDir, settings.provider);
  const passed = openApiCheckPassed(check);
  (passed ? process.stdout : process.stderr).write(`${formatOpenApiCheck(check)}\n`);
  return passed ? 0 : 1;
});
