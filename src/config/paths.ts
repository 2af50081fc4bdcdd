// Where data lives: $COACH_HOME, else the platform's data dir. Directory 0700, files 0600.
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import envPaths from 'env-paths';
import { StoreError } from '../errors.js';

export function dataHome(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.COACH_HOME?.trim();
  if (fromEnv) return fromEnv;
  return envPaths('creator-coach', { suffix: '' }).data;
}

export const DB_FILE = 'coach.db';
export const SETTINGS_FILE = 'settings.json';

export function dbPath(home = dataHome()): string {
  return join(home, DB_FILE);
}

export function userTemplatesDir(home = dataHome()): string {
  return join(home, 'templates');
}

/**
 * Creates the data home (0700) if needed and tightens it if it was created looser. Only group and
 * other bits are removed: a directory the owner made read-only (0500) stays read-only.
 */
export function ensureDataHome(home = dataHome()): string {
  try {
    if (!existsSync(home)) makeDirs(home);
    if (!statSync(home).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    tighten(home);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new StoreError(`cannot use the data directory ${home} (${e.code ?? e.message})`, {
      hint: 'check that it is a writable directory, or set COACH_HOME', cause: err,
    });
  }
  return home;
}

/**
 * mkdir -p, one level at a time: Node's `mkdirSync(…, { recursive: true })` spins forever on a path
 * it can never create (e.g. under /proc), where this fails at once with the first level's error.
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) mkdirSync(d, { mode: 0o700 });
}

/** Makes a file private (no group/other access) if it exists; a read-only file stays read-only. */
export function makePrivate(file: string): void {
  if (existsSync(file)) tighten(file);
}

function tighten(path: string): void {
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077) chmodSync(path, mode & 0o700);
}
