import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'dotenv';
import { DEFAULT_TARGET_ENV } from '../config/target';

export interface LoadedEnvFiles {
  readonly targetEnv: string;
  /** The directory the files were looked for in. */
  readonly dir: string;
  /** The files that existed and were read, in load order. */
  readonly files: readonly string[];
  /** Every `.env` file of the directory (`.env`, `.env.<name>`), the `.env.example` template aside. */
  readonly available: readonly string[];
}

/**
 * Loads `.env`, then `.env.<TARGET_ENV>`, into `env`. Precedence: variables already set in the process
 * (even to an empty string), then `.env.<TARGET_ENV>`, then `.env`. `TARGET_ENV` itself may come from `.env`.
 */
export function loadEnvFiles(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): LoadedEnvFiles {
  const files: string[] = [];
  const read = (name: string): Record<string, string> => {
    const path = resolve(cwd, name);
    if (!existsSync(path)) return {};
    files.push(name);
    // An empty value in a file means "not set here", so it never hides a value from `.env`.
    return Object.fromEntries(Object.entries(parse(readFileSync(path))).filter(([, value]) => value !== ''));
  };
  const available = readdirSync(cwd)
    .filter((name) => /^\.env(\.[\w.-]+)?$/.test(name) && name !== '.env.example')
    .sort();
  const base = read('.env');
  const targetEnv = env.TARGET_ENV || base.TARGET_ENV || DEFAULT_TARGET_ENV;
  if (!/^[\w.-]+$/.test(targetEnv)) return { targetEnv, dir: cwd, files, available };
  const specific = read(`.env.${targetEnv}`);
  for (const [name, value] of Object.entries({ ...base, ...specific })) {
    if (env[name] === undefined) env[name] = value;
  }
  env.TARGET_ENV = targetEnv;
  return { targetEnv, dir: cwd, files, available };
}
