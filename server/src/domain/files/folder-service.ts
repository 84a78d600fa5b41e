import { randomUUID } from 'node:crypto';
import { FS_LIST_MAX_ENTRIES, FS_REQUEST_TIMEOUT_MS, FsAnswerSchema, isSafeFileName } from '@rs/signaling';
import type { FolderAnswerRequest, FolderEvent, FolderState, FsOp, FsRequestEvent, FsResponse } from '@rs/signaling';
import { AppError } from '../../errors/app-error';
import type { Logger } from '../../logging/logger';
import type { ParticipantRecord, SessionStore } from '../../store/session-store';
import type { Clock } from '../clock';
import type { Member } from '../membership';
import type { Notifier } from '../notifier';
import { isController } from '../session-rules';

/** Sends a request to one connection of a participant and resolves with its acknowledgement (rejects on timeout or absence). */
export interface ParticipantAsker {
  ask(participantId: string, event: 'files:fs-request', payload: FsRequestEvent, timeoutMs: number): Promise<unknown>;
}

export interface FolderServiceOptions {
  store: SessionStore;
  notifier: Notifier;
  asker: ParticipantAsker;
  clock: Clock;
  log: Logger;
  /** How long the customer's app has to answer an operation (FS_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
}

interface FolderGrant {
  state: FolderState;
  rootName: string | null;
}

/**
 * Folder mode (R7.2): the agent in control asks for a folder, the customer's app
 * grants one (or cannot: basic mode), and every operation on it is relayed to the
 * customer's app, validated on the way in and out, and audited with its outcome.
 * The folder handle lives in the customer's page: a disconnect forgets the grant.
 */
export class FolderService {
  readonly #grants = new Map<string, Map<string, FolderGrant>>();

  constructor(private readonly opts: FolderServiceOptions) {}

  isGranted(sessionId: string, customerId: string): boolean {
    return this.#grants.get(sessionId)?.get(customerId)?.state === 'granted';
  }

  /** Where folder access stands for a customer (to a page that (re)joins). */
  view(sessionId: string, customerId: string): FolderEvent {
    const grant = this.#grants.get(sessionId)?.get(customerId);
    return { sessionId, customerId, state: grant?.state ?? 'none', rootName: grant?.rootName ?? null };
  }

  async request(member: Member, customerId: string): Promise<FolderEvent> {
    const customer = await this.requireCustomer(member, customerId);
    this.set(member.session.id, customer.id, { state: 'asked', rootName: null });
    this.opts.notifier.toParticipant(customer.id, 'files:folder-requested', { sessionId: member.session.id, fromId: member.participant.id });
    await this.audit(member.session.id, member.participant.id, 'files:folder-requested', customer.id);
    return this.announce(member.session.id, customer.id);
  }

  async answer({ session, participant }: Member, request: FolderAnswerRequest): Promise<FolderEvent> {
    if (participant.role !== 'customer') throw new AppError('FORBIDDEN', 'only a customer grants a folder');
    const state: FolderState = request.unsupported ? 'unsupported' : request.granted ? 'granted' : 'declined';
    this.set(session.id, participant.id, { state, rootName: request.granted ? (request.rootName ?? null) : null });
    await this.audit(session.id, participant.id, 'files:folder-answered', request.granted ? `granted ${request.rootName ?? ''}` : state);
    return this.announce(session.id, participant.id);
  }

  /** One operation in the granted folder, relayed to the customer's app; its answer is checked before the agent sees it. */
  async fs(member: Member, customerId: string, op: FsOp): Promise<FsResponse> {
    const customer = await this.requireCustomer(member, customerId);
    if (!this.isGranted(member.session.id, customer.id)) throw new AppError('FOLDER_NOT_GRANTED', 'the customer has not granted a folder');
    const request: FsRequestEvent = { requestId: randomUUID(), sessionId: member.session.id, fromId: member.participant.id, op, needsConsent: !customer.grantsAll };
    let reply: unknown;
    try {
      reply = await this.opts.asker.ask(customer.id, 'files:fs-request', request, this.opts.requestTimeoutMs ?? FS_REQUEST_TIMEOUT_MS);
    } catch {
      await this.auditOp(member, op, 'FS_TIMEOUT');
      throw new AppError('FS_TIMEOUT', 'the customer did not answer in time');
    }
    const response = checkAnswer(reply);
    await this.auditOp(member, op, response.ok ? `ok${response.skipped > 0 ? ` (${response.skipped} unsafe names skipped)` : ''}` : response.code);
    return response;
  }

  /** A customer's page went (disconnect or leave): the folder handle went with it. */
  async customerAway(sessionId: string, customerId: string): Promise<void> {
    const grants = this.#grants.get(sessionId);
    if (!grants?.has(customerId)) return;
    grants.delete(customerId);
    this.announce(sessionId, customerId);
  }

  sessionEnded(sessionId: string): void {
    this.#grants.delete(sessionId);
  }

  private async requireCustomer({ session, participant }: Member, customerId: string): Promise<ParticipantRecord> {
    if (!isController(session, participant)) throw new AppError('NOT_IN_CONTROL', 'only the agent in control works in the customer\'s folder');
    const customer = await this.opts.store.getParticipant(session.id, customerId);
    if (!customer || customer.role !== 'customer' || customer.leftAt !== null) throw new AppError('PARTICIPANT_NOT_FOUND', 'no such customer here');
    return customer;
  }

  private set(sessionId: string, customerId: string, grant: FolderGrant): void {
    let grants = this.#grants.get(sessionId);
    if (!grants) {
      grants = new Map();
      this.#grants.set(sessionId, grants);
    }
    grants.set(customerId, grant);
  }

  private announce(sessionId: string, customerId: string): FolderEvent {
    const event = this.view(sessionId, customerId);
    this.opts.notifier.toStaff(sessionId, 'files:folder', event);
    this.opts.notifier.toParticipant(customerId, 'files:folder', event);
    return event;
  }

  private auditOp({ session, participant }: Member, op: FsOp, outcome: string): Promise<void> {
    return this.audit(session.id, participant.id, `files:${op.kind}`, `${describeOp(op)}: ${outcome}`);
  }

  private audit(sessionId: string, actor: string, action: `files:${string}` & Parameters<SessionStore['appendAudit']>[1]['action'], subject: string): Promise<void> {
    return this.opts.store.appendAudit(sessionId, { at: this.opts.clock(), actor, action, subject });
  }
}

/** The customer's answer, validated: a malformed one is an FS_ERROR; unsafe names in a listing are dropped and counted. */
export function checkAnswer(reply: unknown): FsResponse {
  const parsed = FsAnswerSchema.safeParse(reply);
  if (!parsed.success) return { ok: false, code: 'FS_ERROR' };
  const answer = parsed.data;
  if (!answer.ok) return answer;
  if (!answer.entries) return { ok: true, skipped: 0 };
  const safe = answer.entries.filter((e) => isSafeFileName(e.name)).slice(0, FS_LIST_MAX_ENTRIES);
  return { ok: true, entries: safe, skipped: answer.entries.length - safe.length };
}

function describeOp(op: FsOp): string {
  const at = ['', ...op.path].join('/');
  switch (op.kind) {
    case 'list':
      return at || '/';
    case 'rename':
      return `${at}/${op.from} -> ${op.to}`;
    default:
      return `${at}/${op.name}`;
  }
}
