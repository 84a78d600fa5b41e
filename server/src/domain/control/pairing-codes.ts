import { randomInt } from 'node:crypto';
import { AppError } from '../../errors/app-error';
import type { PairingRecord, SessionStore } from '../../store/session-store';

const ATTEMPTS = 10;

/** A random 9-digit code (leading zeros kept), not derived from anything. */
export function generatePairingCode(): string {
  return String(randomInt(0, 1_000_000_000)).padStart(9, '0');
}

/** Stores a fresh single-use code for this grant; retries the (rare) collisions with a live code. */
export async function issuePairingCode(
  store: SessionStore,
  binding: Omit<PairingRecord, 'code' | 'expiresAt'>,
  now: number,
  ttlMs: number,
): Promise<PairingRecord> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const pairing: PairingRecord = { ...binding, code: generatePairingCode(), expiresAt: now + ttlMs };
    if (await store.putPairing(pairing, ttlMs)) return pairing;
  }
  throw new AppError('INTERNAL', 'no free pairing code');
}
