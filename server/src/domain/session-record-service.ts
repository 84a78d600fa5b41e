import type { QueueRecord, SessionRecordResponse } from '@rs/signaling';
import type { StaffPrincipal } from '../auth/principal';
import { AppError } from '../errors/app-error';
import type { SessionStore } from '../store/session-store';
import { toPublicTransfer } from './files/transfer-record';
import { toPublic } from './participant-announcer';
import { toSummary } from './session-service';
import type { StaffDirectory } from './staff-directory';

/**
 * The session record (R1.7, R2.3, R10.5): participants with join/leave times
 * and roles, chat (whispers included), consent ledger, audit trail, notes.
 * Readable by staff who took part, the agent's supervisor, and admins.
 */
export class SessionRecordService {
  constructor(
    private readonly store: SessionStore,
    private readonly directory: StaffDirectory,
    /** The queue part of a session that came from a queue (or was transferred), null otherwise. */
    private readonly queueRecordOf: (sessionId: string) => Promise<QueueRecord | null> = async () => null,
  ) {}

  async get(principal: StaffPrincipal, sessionId: string): Promise<SessionRecordResponse> {
    const session = await this.store.getSession(sessionId);
    if (!session) throw new AppError('SESSION_NOT_FOUND', 'no such session');
    const participants = await this.store.listParticipants(sessionId);
    if (!(await this.mayRead(principal, session.agentId, participants.map((p) => p.accountId)))) {
      throw new AppError('FORBIDDEN', 'not your session');
    }
    const [chat, consents, audit, notes, queue, transfers] = await Promise.all([
      this.store.listChat(sessionId),
      this.store.listConsents(sessionId),
      this.store.listAudit(sessionId),
      this.store.getNotes(sessionId),
      this.queueRecordOf(sessionId),
      this.store.listTransfers(sessionId),
    ]);
    const files = transfers.map(toPublicTransfer);
    // Whoever was still there when the session ended left at its end.
    const { endedAt } = session;
    const left = endedAt === null ? participants : participants.map((p) => (p.leftAt === null ? { ...p, leftAt: endedAt } : p));
    return { session: toSummary(session), participants: left.map(toPublic), chat, consents, audit, notes, endedBy: session.endedBy, queue, files };
  }

  private async mayRead(principal: StaffPrincipal, agentId: string, accounts: readonly (string | null)[]): Promise<boolean> {
    if (principal.role === 'admin' || accounts.includes(principal.accountId)) return true;
    return principal.role === 'supervisor' && (await this.directory.agentsOf(principal.accountId)).includes(agentId);
  }
}
