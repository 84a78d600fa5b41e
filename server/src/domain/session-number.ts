import { randomInt } from 'node:crypto';

/**
 * A random 9-digit session number (100000000-999999999), from the CSPRNG so
 * numbers are neither sequential nor predictable. Uniqueness is ensured by
 * the store's reserveNumber (SET NX), which the caller retries on conflict.
 */
export function generateSessionNumber(): string {
  return String(randomInt(100_000_000, 1_000_000_000));
}
