import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportPaths } from './paths';

const ITERATOR_HELPERS = fileURLToPath(new URL('./iterator-helpers.mjs', import.meta.url));

/** The environment of an Allure CLI process: with Iterator helpers on Node 20 (see iterator-helpers.mjs). */
export function allureEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const nodeOptions = [process.env.NODE_OPTIONS, env.NODE_OPTIONS, `--import ${ITERATOR_HELPERS}`];
  return { ...env, NODE_OPTIONS: nodeOptions.filter(Boolean).join(' ') };
}

/** The `allure-results` directories of every shard under `<reports>/shards/`. */
export function shardResultsDirs(paths: ReportPaths): string[] {
  if (!existsSync(paths.shards)) return [];
  return readdirSync(paths.shards, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(paths.shards, entry.name, 'allure-results'))
    .filter((dir) => existsSync(dir))
    .sort();
}
