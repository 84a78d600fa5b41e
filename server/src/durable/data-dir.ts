import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where durable state lives when DATA_DIR is unset: $XDG_DATA_HOME/remote-support or ~/.local/share/remote-support. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'remote-support');
}

/** Creates the folder (and parents) and makes it owner-only (0700). Returns its absolute path. */
export function ensurePrivateDir(dir: string): string {
  const absolute = path.resolve(dir);
  mkdirSync(absolute, { recursive: true, mode: 0o700 });
  if ((statSync(absolute).mode & 0o077) !== 0) chmodSync(absolute, 0o700);
  return absolute;
}

const SECRET_FILE = 'token-secret';

/**
 * The token secret kept in the data folder (owner-only file, 0600): generated on the
 * first start, read on every later one, so access tokens survive restarts.
 */
export function loadOrCreateTokenSecret(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE);
  try {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters: delete it to generate a new one`);
  return secret;
}
