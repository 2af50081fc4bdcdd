// Where data lives: $COACH_HOME, else the platform's data dir. Directory 0700, files 0600.
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import envPaths from 'env-paths';

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

/** Creates the data home (0700) if needed and tightens it if it was created looser. */
export function ensureDataHome(home = dataHome()): string {
  if (!existsSync(home)) mkdirSync(home, { recursive: true, mode: 0o700 });
  if ((statSync(home).mode & 0o777) !== 0o700) chmodSync(home, 0o700);
  return home;
}

/** Makes a file private (0600) if it exists. */
export function makePrivate(file: string): void {
  if (existsSync(file) && (statSync(file).mode & 0o777) !== 0o600) chmodSync(file, 0o600);
}
