import type { ChatMessage, ConsentRequest, ConsentStatus } from '@rs/signaling';
import type {
  AuditEntry,
  ChatDraft,
  ParticipantRecord,
  SessionPatch,
  SessionRecord,
  PairingRecord,
  SessionStore,
} from './session-store';
import type { TransferRecord } from '../domain/files/transfer-record';
import { DEFAULT_RECORD_RETENTION_SECONDS } from './session-store';

interface NumberEntry {
  sessionId: string;
  /** Epoch ms after which the reservation is gone; null: kept for good. */
  expiresAt: number | null;
}

/** Everything kept for one session id (records may arrive before the session itself). */
interface SessionData {
  record: SessionRecord | null;
  participants: Map<string, ParticipantRecord>;
  chat: ChatMessage[];
  consents: Map<string, ConsentRequest>;
  transfers: Map<string, TransferRecord>;
  audit: AuditEntry[];
}

export interface MemorySessionStoreOptions {
  /** Clock used for number and record expiry; tests inject a fake one. */
  now?: () => number;
  /** How long the record of an ended session is kept (default DEFAULT_RECORD_RETENTION_SECONDS). */
  retentionSeconds?: number;
}

/**
 * Single-process SessionStore on plain Maps. Every value is cloned on the way
 * in and out, so callers never share (and never mutate) stored state.
 * Each method runs to completion without awaiting, which makes it atomic.
 */
export class MemorySessionStore implements SessionStore {
  readonly kind = 'memory' as const;
  readonly #now: () => number;
  readonly #numbers = new Map<string, NumberEntry>();
  readonly #sessions = new Map<string, SessionData>();
  readonly #sessionsByAgent = new Map<string, Set<string>>();
  readonly #notes = new Map<string, string>();
  readonly #pairings = new Map<string, { pairing: PairingRecord; expiresAt: number }>();
  readonly #retentionMs: number;
  /** Ended sessions -> when their record expires; in order of ending, so of expiry. */
  readonly #expiries = new Map<string, number>();

  constructor(options: MemorySessionStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#retentionMs = (options.retentionSeconds ?? DEFAULT_RECORD_RETENTION_SECONDS) * 1000;
  }

  async reserveNumber(number: string, sessionId: string, ttlSeconds: number): Promise<boolean> {
    if (this.#liveNumber(number)) return false;
    this.#numbers.set(number, { sessionId, expiresAt: this.#now() + ttlSeconds * 1000 });
    return true;
  }

  async keepNumber(number: string): Promise<void> {
    const entry = this.#liveNumber(number);
    if (entry) entry.expiresAt = null;
  }

  async releaseNumber(number: string, sessionId: string): Promise<void> {
    if (this.#numbers.get(number)?.sessionId === sessionId) this.#numbers.delete(number);
  }

  async findSessionIdByNumber(number: string): Promise<string | null> {
    return this.#liveNumber(number)?.sessionId ?? null;
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.#data(session.id).record = structuredClone(session);
    const ids = this.#sessionsByAgent.get(session.agentId) ?? new Set<string>();
    ids.add(session.id);
    this.#sessionsByAgent.set(session.agentId, ids);
  }

  async getSession(sessionId: string): Promise<SessionRecord | null> {
    return copyOrNull(this.#find(sessionId)?.record);
  }

  async updateSession(sessionId: string, patch: SessionPatch): Promise<SessionRecord | null> {
    const data = this.#find(sessionId);
    if (!data?.record) return null;
    data.record = { ...data.record, ...structuredClone(patch) };
    if (patch.state === 'ended') {
      this.#expiries.delete(sessionId);
      this.#expiries.set(sessionId, this.#now() + this.#retentionMs);
    }
    return structuredClone(data.record);
  }

  async linkAgentSession(agentId: string, sessionId: string): Promise<void> {
    const ids = this.#sessionsByAgent.get(agentId) ?? new Set<string>();
    ids.add(sessionId);
    this.#sessionsByAgent.set(agentId, ids);
  }

  async setNotes(sessionId: string, text: string): Promise<void> {
    this.#notes.set(sessionId, text);
  }

  async getNotes(sessionId: string): Promise<string> {
    this.#expireRecords();
    return this.#notes.get(sessionId) ?? '';
  }

  /** Oldest first. */
  async listSessionsOfAgent(agentId: string): Promise<SessionRecord[]> {
    const ids = [...(this.#sessionsByAgent.get(agentId) ?? [])];
    const records = ids.map((id) => this.#find(id)?.record).filter(isPresent);
    return records.sort((a, b) => a.createdAt - b.createdAt).map((r) => structuredClone(r));
  }

  async putParticipant(sessionId: string, participant: ParticipantRecord): Promise<void> {
    this.#data(sessionId).participants.set(participant.id, structuredClone(participant));
  }

  async getParticipant(sessionId: string, participantId: string): Promise<ParticipantRecord | null> {
    return copyOrNull(this.#find(sessionId)?.participants.get(participantId));
  }

  /** In order of joining. */
  async listParticipants(sessionId: string): Promise<ParticipantRecord[]> {
    const all = [...(this.#find(sessionId)?.participants.values() ?? [])];
    return all.sort((a, b) => a.joinedAt - b.joinedAt).map((p) => structuredClone(p));
  }

  async appendChat(sessionId: string, draft: ChatDraft): Promise<ChatMessage> {
    const chat = this.#data(sessionId).chat;
    const message: ChatMessage = { ...structuredClone(draft), seq: chat.length };
    chat.push(message);
    return structuredClone(message);
  }

  async listChat(sessionId: string, last?: number): Promise<ChatMessage[]> {
    const chat = this.#find(sessionId)?.chat ?? [];
    return structuredClone(last === undefined ? chat : chat.slice(Math.max(0, chat.length - last)));
  }

  async putConsent(consent: ConsentRequest): Promise<void> {
    this.#data(consent.sessionId).consents.set(consent.id, structuredClone(consent));
  }

  async getConsent(sessionId: string, requestId: string): Promise<ConsentRequest | null> {
    return copyOrNull(this.#find(sessionId)?.consents.get(requestId));
  }

  /** Oldest request first. */
  async listConsents(sessionId: string): Promise<ConsentRequest[]> {
    const all = [...(this.#find(sessionId)?.consents.values() ?? [])];
    return all.sort((a, b) => a.requestedAt - b.requestedAt).map((c) => structuredClone(c));
  }

  async transitionConsent(
    sessionId: string,
    requestId: string,
    from: readonly ConsentStatus[],
    to: ConsentStatus,
    at: number,
  ): Promise<ConsentRequest | null> {
    const consent = this.#find(sessionId)?.consents.get(requestId);
    if (!consent || !from.includes(consent.status)) return null;
    if (consent.status === 'pending' && to !== 'pending') consent.answeredAt = at;
    consent.status = to;
    return structuredClone(consent);
  }

  async putTransfer(transfer: TransferRecord): Promise<void> {
    this.#data(transfer.sessionId).transfers.set(transfer.transferId, structuredClone(transfer));
  }

  async getTransfer(sessionId: string, transferId: string): Promise<TransferRecord | null> {
    return copyOrNull(this.#find(sessionId)?.transfers.get(transferId));
  }

  async listTransfers(sessionId: string): Promise<TransferRecord[]> {
    return [...(this.#find(sessionId)?.transfers.values() ?? [])].map((t) => structuredClone(t));
  }

  async appendAudit(sessionId: string, entry: AuditEntry): Promise<void> {
    this.#data(sessionId).audit.push(structuredClone(entry));
  }

  async listAudit(sessionId: string): Promise<AuditEntry[]> {
    return structuredClone(this.#find(sessionId)?.audit ?? []);
  }

  async putPairing(pairing: PairingRecord, ttlMs: number): Promise<boolean> {
    if (this.#livePairing(pairing.code)) return false;
    this.#pairings.set(pairing.code, { pairing: structuredClone(pairing), expiresAt: this.#now() + ttlMs });
    return true;
  }

  async peekPairing(code: string): Promise<PairingRecord | null> {
    return copyOrNull(this.#livePairing(code));
  }

  async takePairing(code: string): Promise<PairingRecord | null> {
    const pairing = this.#livePairing(code);
    this.#pairings.delete(code);
    return copyOrNull(pairing);
  }

  async dropPairing(code: string): Promise<void> {
    this.#pairings.delete(code);
  }

  /** Nothing to release; kept for symmetry with the Redis store (idempotent). */
  async close(): Promise<void> {}

  /** The reservation of a number, or undefined when there is none or it has expired. */
  #liveNumber(number: string): NumberEntry | undefined {
    const entry = this.#numbers.get(number);
    if (!entry) return undefined;
    if (entry.expiresAt !== null && entry.expiresAt <= this.#now()) {
      this.#numbers.delete(number);
      return undefined;
    }
    return entry;
  }

  #livePairing(code: string): PairingRecord | undefined {
    const entry = this.#pairings.get(code);
    if (entry && entry.expiresAt <= this.#now()) this.#pairings.delete(code);
    return entry && entry.expiresAt > this.#now() ? entry.pairing : undefined;
  }

  /** A session's data, once the records past their retention are gone. */
  #find(sessionId: string): SessionData | undefined {
    this.#expireRecords();
    return this.#sessions.get(sessionId);
  }

  /** Deletes everything kept for ended sessions whose retention is over (oldest first, stops at the first kept). */
  #expireRecords(): void {
    const now = this.#now();
    for (const [sessionId, expiresAt] of this.#expiries) {
      if (expiresAt > now) return;
      this.#expiries.delete(sessionId);
      const data = this.#sessions.get(sessionId);
      const accounts = [data?.record?.agentId, ...[...(data?.participants.values() ?? [])].map((p) => p.accountId)];
      for (const accountId of accounts) if (accountId) this.#unlink(accountId, sessionId);
      this.#sessions.delete(sessionId);
      this.#notes.delete(sessionId);
    }
  }

  #unlink(accountId: string, sessionId: string): void {
    const ids = this.#sessionsByAgent.get(accountId);
    ids?.delete(sessionId);
    if (ids?.size === 0) this.#sessionsByAgent.delete(accountId);
  }

  #data(sessionId: string): SessionData {
    let data = this.#find(sessionId);
    if (!data) {
      data = { record: null, participants: new Map(), chat: [], consents: new Map(), transfers: new Map(), audit: [] };
      this.#sessions.set(sessionId, data);
    }
    return data;
  }
}

function copyOrNull<T>(value: T | null | undefined): T | null {
  return value ? structuredClone(value) : null;
}

function isPresent<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}
