import type { QueueRecord } from '@rs/signaling';
import type { ParticipantRecord, SessionRecord } from '../store/session-store';
import type { HistoryEntry } from './history-store';

/** A session's history entry, from what the session store (and the queue, if it came from one) keep. */
export function historyEntryOf(
  session: SessionRecord,
  participants: readonly ParticipantRecord[],
  notes: string,
  queue: QueueRecord | null,
): HistoryEntry {
  const customers = participants.filter((p) => p.role === 'customer').sort((a, b) => a.joinedAt - b.joinedAt);
  const staffIds = new Set([session.agentId, ...participants.flatMap((p) => (p.accountId ? [p.accountId] : []))]);
  const endedBy = participants.find((p) => p.id === session.endedBy);
  return {
    sessionId: session.id,
    number: session.number,
    state: session.state,
    startedAt: session.createdAt,
    endedAt: session.endedAt,
    durationSeconds: session.endedAt === null ? null : Math.max(0, Math.round((session.endedAt - session.createdAt) / 1000)),
    agentId: session.agentId,
    agentName: session.agentName,
    customerNames: customers.map((c) => c.displayName),
    customerEmails: customers.map((c) => (queue && c.id === queue.participantId ? queue.email : '')),
    endedByName: endedBy?.displayName ?? null,
    queueName: queue?.queueName || null,
    notes,
    staffIds: [...staffIds],
  };
}
