import type { ChatMessage, ConsentRequest, ConsentStatus, Participant, SessionSummary } from '@rs/signaling';
import type { TransferRecord } from '../domain/files/transfer-record';

/** A support session as stored. It outlives the session itself (the session record). */
export interface SessionRecord extends SessionSummary {
  /** The account of the agent who started it. */
  agentId: string;
  endedBy: string | null;
}

/** What may change on a stored session. */
export type SessionPatch = Partial<Pick<SessionRecord, 'state' | 'endedAt' | 'endedBy' | 'controllerId' | 'selectedCustomerId' | 'agentName' | 'number'>>;

/** A participant as stored: staff carry their account id, customers null. */
export interface ParticipantRecord extends Participant {
  accountId: string | null;
  /** Customers: SHA-256 of the key their browser keeps, so a rejoin replaces this entry (never sent to clients). */
  customerKeyHash?: string;
}

/** Consent ledger and lifecycle entries kept with the session record (R2.3). */
export interface AuditEntry {
  at: number;
  actor: string;
  action:
    | 'session:created'
    | 'session:ended'
    | 'participant:joined'
    | 'participant:waiting'
    | 'participant:admitted'
    | 'participant:declined'
    | 'participant:left'
    | 'participant:rejoined'
    | 'participant:removed'
    | 'customer:selected'
    | 'control:transferred'
    | 'control:taken-over'
    | 'consent:requested'
    | 'consent:granted'
    | 'consent:denied'
    | 'consent:ended'
    | 'consent:revoked'
    | 'consent:grant-all'
    | 'consent:unsupported'
    | 'consent:cancelled'
    | 'control:requested'
    | 'control:granted'
    | 'control:started'
    | 'control:paused'
    | 'control:resumed'
    | 'control:stopped'
    | 'control:revoked'
    | 'queue:accepted'
    | 'share:started'
    | 'share:stopped'
    | 'video:started'
    | 'video:stopped'
    | 'voice:started'
    | 'voice:ended'
    | 'session:transferred'
    | 'notes:edited'
    | 'session:number-renewed'
    | FileAuditAction;
  subject: string;
}

/** File transfer and folder mode (R7): what happened to which file, never its contents. */
export type FileAuditAction =
  | 'file:offered'
  | 'file:accepted'
  | 'file:verified'
  | 'file:failed'
  | 'file:cancelled'
  | 'file:denied'
  | 'files:folder-requested'
  | 'files:folder-answered'
  | 'files:list'
  | 'files:mkdir'
  | 'files:rename'
  | 'files:delete'
  | 'files:fetch';

/** A helper pairing code (R9): single use, short-lived, bound to one session, participant and control grant. */
export interface PairingRecord {
  code: string;
  sessionId: string;
  /** The participant whose desktop the helper drives. */
  participantId: string;
  grantId: string;
  expiresAt: number;
}

export type ChatDraft = Omit<ChatMessage, 'seq'>;

/** Default retention of an ended session's record (chat, consents, audit, notes): 90 days. */
export const DEFAULT_RECORD_RETENTION_SECONDS = 90 * 24 * 3600;

/**
 * Session state, behind one interface with a memory and a Redis implementation.
 * Both pass test/integration/store-contract.test.ts.
 */
export interface SessionStore {
  readonly kind: 'memory' | 'redis';

  /** Maps a session number to a session id for ttlSeconds; false when the number is taken. */
  reserveNumber(number: string, sessionId: string, ttlSeconds: number): Promise<boolean>;
  /** Removes the expiry of a reserved number (the number has been used). */
  keepNumber(number: string): Promise<void>;
  /** Frees a number, only if it still points at this session (a late release never frees another's number). */
  releaseNumber(number: string, sessionId: string): Promise<void>;
  findSessionIdByNumber(number: string): Promise<string | null>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(sessionId: string): Promise<SessionRecord | null>;
  /**
   * Applies a patch; returns the updated record, or null when the session is unknown.
   * Ending a session (state 'ended') starts its retention: the record and everything kept
   * with it (participants, chat, consents, audit, notes) are deleted once it is over.
   */
  updateSession(sessionId: string, patch: SessionPatch): Promise<SessionRecord | null>;
  /** Sessions an agent account started or joined as assistant, oldest first. */
  listSessionsOfAgent(agentId: string): Promise<SessionRecord[]>;
  /** Records that an agent account takes part in a session (for listSessionsOfAgent). */
  linkAgentSession(agentId: string, sessionId: string): Promise<void>;

  setNotes(sessionId: string, text: string): Promise<void>;
  /** '' when no notes were written. */
  getNotes(sessionId: string): Promise<string>;

  putParticipant(sessionId: string, participant: ParticipantRecord): Promise<void>;
  getParticipant(sessionId: string, participantId: string): Promise<ParticipantRecord | null>;
  listParticipants(sessionId: string): Promise<ParticipantRecord[]>;

  /** Appends a chat message and gives it the next sequence number of the session (0, 1, 2...). */
  appendChat(sessionId: string, draft: ChatDraft): Promise<ChatMessage>;
  /** The session's chat in order; with `last`, only the newest `last` messages. */
  listChat(sessionId: string, last?: number): Promise<ChatMessage[]>;

  putConsent(consent: ConsentRequest): Promise<void>;
  getConsent(sessionId: string, requestId: string): Promise<ConsentRequest | null>;
  listConsents(sessionId: string): Promise<ConsentRequest[]>;
  /**
   * Atomically moves a consent request to `to` if its status is one of `from`.
   * Sets answeredAt to `at` when the request leaves pending.
   * Returns the updated request, or null if it is unknown or in another status.
   */
  transitionConsent(
    sessionId: string,
    requestId: string,
    from: readonly ConsentStatus[],
    to: ConsentStatus,
    at: number,
  ): Promise<ConsentRequest | null>;

  /** Creates or replaces a file transfer (the service serialises the changes of one session). */
  putTransfer(transfer: TransferRecord): Promise<void>;
  getTransfer(sessionId: string, transferId: string): Promise<TransferRecord | null>;
  /** In the order they were first put (an offer's files in their order). */
  listTransfers(sessionId: string): Promise<TransferRecord[]>;

  appendAudit(sessionId: string, entry: AuditEntry): Promise<void>;
  listAudit(sessionId: string): Promise<AuditEntry[]>;

  /** Keeps a pairing code for ttlMs; false (and nothing stored) when the code is already taken. */
  putPairing(pairing: PairingRecord, ttlMs: number): Promise<boolean>;
  /** The live pairing behind a code without using it up (the helper download), or null. */
  peekPairing(code: string): Promise<PairingRecord | null>;
  /** Uses a code up: returns its live pairing and deletes it atomically, so exactly one caller gets it. */
  takePairing(code: string): Promise<PairingRecord | null>;
  /** Forgets a code that is no longer wanted (control stopped before the helper came). */
  dropPairing(code: string): Promise<void>;

  close(): Promise<void>;
}
