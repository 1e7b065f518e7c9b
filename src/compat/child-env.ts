import { delimiter } from 'node:path';

/**
 * Variables `npm run` sets about the checkout it runs in. Passed on, they would point the clone's npm back
 * at the checkout (`npm_config_local_prefix` makes `npm ci` install there) and at the checkout's Node.js.
 * The user's own npm settings (`npm_config_registry`, proxies, …) are kept.
 */
const OF_THE_OUTER_NPM_RUN =
  /^(npm_config_local_prefix|npm_config_user_agent|npm_package_.*|npm_lifecycle_.*|npm_command|npm_execpath|npm_node_execpath|NODE|INIT_CWD)$/;

/** Variables that would send the clone's reports or run state to another run's places. */
const OF_ANOTHER_RUN = [
  'ALLURE_RESULTS_DIR',
  'ALLURE_HISTORY_PATH',
  'PLAYWRIGHT_JUNIT_OUTPUT_FILE',
  'HARNESS_RUN_ID',
  'HARNESS_TIMINGS_FILE',
  'HARNESS_FAILURES_FILE',
] as const;

const dropped = (name: string) =>
  OF_THE_OUTER_NPM_RUN.test(name) || (OF_ANOTHER_RUN as readonly string[]).includes(name);

/**
 * The environment of the commands run in the clone: `nodeBinDir` first on PATH, so `npm` and every script
 * run on that Node.js, and the clone's reports under `reportsDir`. A dropped variable is there as
 * undefined, which child processes do not inherit, so the result may also be laid over `process.env`.
 */
export function cloneEnv(
  base: NodeJS.ProcessEnv,
  options: { readonly nodeBinDir?: string; readonly reportsDir: string },
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(base).map(([name, value]) => [name, dropped(name) ? undefined : value]),
  );
  if (options.nodeBinDir) env.PATH = [options.nodeBinDir, base.PATH].filter(Boolean).join(delimiter);
  env.REPORTS_DIR = options.reportsDir;
  return env;
}
