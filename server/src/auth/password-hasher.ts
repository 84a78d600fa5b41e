import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

/**
 * Why scrypt from Node's own crypto: it is memory-hard (each guess costs
 * 128·N·r bytes of RAM, which is what makes GPU/ASIC cracking expensive), it is
 * maintained with Node itself (OpenSSL underneath, no native npm module to
 * build or keep patched), and it runs on libuv's thread pool, so hashing never
 * blocks the event loop. N=2^15, r=8, p=1 (32 MiB, ~100 ms) is OWASP's scrypt
 * recommendation. The encoding names its parameters, so they can be raised
 * later: needsRehash() says when a stored hash should be upgraded at sign-in.
 */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
}

export interface PasswordHasher {
  /** A self-describing hash: `scrypt$N$r$p$salt$hash` (salt and hash base64url). */
  hash(password: string): Promise<string>;
  /** Compares in constant time; false (never an error) for a malformed stored hash. */
  verify(password: string, encoded: string): Promise<boolean>;
  /** True when the stored hash was made with other parameters than the current ones. */
  needsRehash(encoded: string): boolean;
}

export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Refuse stored parameters that would cost more than this (a tampered hash must not exhaust memory). */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

interface DecodedHash extends ScryptParams {
  salt: Buffer;
  key: Buffer;
}

export class ScryptPasswordHasher implements PasswordHasher {
  readonly #params: ScryptParams;

  constructor(params: ScryptParams = DEFAULT_SCRYPT_PARAMS) {
    if (!validParams(params)) throw new Error(`invalid scrypt parameters ${JSON.stringify(params)}`);
    this.#params = { ...params };
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, KEY_BYTES, this.#params);
    const { N, r, p } = this.#params;
    return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  async verify(password: string, encoded: string): Promise<boolean> {
    const stored = decode(encoded);
    if (!stored) return false;
    const key = await derive(password, stored.salt, stored.key.length, stored);
    return timingSafeEqual(key, stored.key);
  }

  needsRehash(encoded: string): boolean {
    const stored = decode(encoded);
    if (!stored) return true;
    const { N, r, p } = this.#params;
    return stored.N !== N || stored.r !== r || stored.p !== p || stored.key.length !== KEY_BYTES;
  }
}

function derive(password: string, salt: Buffer, keyBytes: number, { N, r, p }: ScryptParams): Promise<Buffer> {
  // Node refuses to use more than maxmem (default 32 MiB, exactly 128·N·r at our defaults): leave headroom.
  const options: ScryptOptions = { N, r, p, maxmem: 2 * 128 * N * r * p + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyBytes, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function decode(encoded: string): DecodedHash | null {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : NaN));
  const params = { N: N ?? NaN, r: r ?? NaN, p: p ?? NaN };
  if (!validParams(params)) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length < 8 || key.length < 16 || key.length > 64) return null;
  return { ...params, salt, key };
}

function validParams({ N, r, p }: ScryptParams): boolean {
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  return powerOfTwo && N <= MAX_N && Number.isInteger(r) && r >= 1 && r <= MAX_R && Number.isInteger(p) && p >= 1 && p <= MAX_P;
}
