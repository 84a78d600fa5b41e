import { createHash } from 'node:crypto';
import type { ParticipantRecord } from '../store/session-store';

/** What the store keeps of a customer's browser key: its SHA-256, never the key itself. */
export function hashCustomerKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * The entry a returning customer replaces: a customer of this session with the
 * same browser key who has not left (a closed tab shows as disconnected).
 */
export function findReturningCustomer(participants: readonly ParticipantRecord[], keyHash: string): ParticipantRecord | null {
  return participants.find((p) => p.role === 'customer' && p.leftAt === null && p.customerKeyHash === keyHash) ?? null;
}
