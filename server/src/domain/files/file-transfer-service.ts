import { randomUUID } from 'node:crypto';
import { FILE_CHUNK_BYTES, isFinalTransferState } from '@rs/signaling';
import type { ConsentRequest, FileListResponse, FileOfferRequest, FileTransfer, TransferPath } from '@rs/signaling';
import { AppError } from '../../errors/app-error';
import type { Logger } from '../../logging/logger';
import type { AuditEntry, SessionStore } from '../../store/session-store';
import type { Clock } from '../clock';
import type { ConsentService } from '../consent-service';
import { KeyedSerialQueue } from '../keyed-serial-queue';
import type { Member } from '../membership';
import type { Notifier } from '../notifier';
import { TypedEmitter } from '../typed-emitter';
import { isLiveTransfer, startState, transition } from './transfer-machine';
import type { TransferAction } from './transfer-machine';
import { toPublicTransfer } from './transfer-record';
import type { TransferRecord } from './transfer-record';
import { canSeeTransfer, isBetween, isParty, refuseActor, refuseOffer } from './transfer-rules';
import type { TransferRole } from './transfer-rules';

/** Transfers of one session that may be unfinished at once (bounds what a session keeps). */
export const LIVE_TRANSFERS_PER_SESSION = 5000;

export interface FileTransferOptions {
  store: SessionStore;
  consents: ConsentService;
  notifier: Notifier;
  clock: Clock;
  log: Logger;
  /** FILE_TRANSFER_MAX_BYTES. */
  maxBytes: number;
  /** FILE_TRANSFER_FORCE_RELAY: no peer-to-peer signalling at all. */
  forceRelay: boolean;
  /** Whether this customer has granted a folder (folder mode), for granted-folder targets. */
  folderGranted: (sessionId: string, customerId: string) => boolean;
}

export type FileTransferEvents = {
  /** No live transfer remains between these two participants: their relay path closes. */
  'pair-idle': [sessionId: string, a: string, b: string];
};

const AUDIT: Partial<Record<TransferRecord['state'], AuditEntry['action']>> = {
  accepted: 'file:accepted',
  verified: 'file:verified',
  failed: 'file:failed',
  cancelled: 'file:cancelled',
  denied: 'file:denied',
};

const CONSENT_REFUSALS: Partial<Record<ConsentRequest['status'], string>> = {
  denied: 'DENIED',
  unsupported: 'UNSUPPORTED',
  cancelled: 'CANCELLED',
  revoked: 'REVOKED',
};

/**
 * File transfer (R7): offers, consent, acceptance, the receiver's verified-chunk
 * progress (the resume point, kept in the store), both sides' final hashes, and
 * who may signal or relay to whom. The server never sees file contents. All
 * changes of one session run one after another (check-then-act never interleaves).
 */
export class FileTransferService extends TypedEmitter<FileTransferEvents> {
  readonly #serial = new KeyedSerialQueue();

  constructor(private readonly opts: FileTransferOptions) {
    super(opts.log);
    opts.consents.on('changed', (consent) => this.onConsent(consent));
  }

  get forceRelay(): boolean {
    return this.opts.forceRelay;
  }

  offer(member: Member, request: FileOfferRequest): Promise<FileTransfer[]> {
    return this.#serial.run(member.session.id, async () => {
      const { store, clock } = this.opts;
      const { session, participant: sender } = member;
      const receiver = await store.getParticipant(session.id, request.receiverId);
      const refusal = refuseOffer(session, sender, receiver, request.target);
      if (refusal || !receiver) throw new AppError(refusal?.code ?? 'PARTICIPANT_NOT_FOUND', refusal?.message ?? 'no such participant');
      const tooLarge = request.files.find((f) => f.size > this.opts.maxBytes);
      if (tooLarge) throw new AppError('FILE_TOO_LARGE', `${tooLarge.name} is larger than ${this.opts.maxBytes} bytes`);
      if (request.target.kind === 'granted-folder' && !this.opts.folderGranted(session.id, receiver.id)) {
        throw new AppError('FOLDER_NOT_GRANTED', 'the customer has not granted a folder');
      }
      const live = (await store.listTransfers(session.id)).filter((t) => !isFinalTransferState(t.state)).length;
      if (live + request.files.length > LIVE_TRANSFERS_PER_SESSION) throw new AppError('TOO_MANY_FILES', 'too many unfinished transfers in this session');
      const customerId = sender.role === 'customer' ? sender.id : receiver.id;
      // Sending to the customer's machine follows the consent ledger ("grant all" answers at once).
      const consent = sender.role === 'customer' ? null : await this.opts.consents.ask(member, { sessionId: session.id, activity: 'file-transfer', customerId });
      const batchId = randomUUID();
      const at = clock();
      const records = request.files.map((file): TransferRecord => ({
        transferId: randomUUID(), sessionId: session.id, senderId: sender.id, receiverId: receiver.id, batchId, file, target: request.target,
        chunkSize: FILE_CHUNK_BYTES, chunkCount: Math.ceil(file.size / FILE_CHUNK_BYTES),
        state: consent && consent.status !== 'granted' ? 'awaiting-consent' : startState(request.target),
        path: null, verifiedChunks: 0, sha256: null, reason: null, createdAt: at, updatedAt: at,
        customerId, consentId: consent?.id ?? null, senderSha256: null, receiverSha256: null,
      }));
      for (const record of records) {
        await store.putTransfer(record);
        await this.audit(record, sender.id, 'file:offered', `${describe(record)} to ${receiver.id}`);
        if (record.state === 'accepted') await this.audit(record, receiver.id, 'file:accepted', describe(record));
        this.notify(record);
      }
      this.opts.log.info({ sessionId: session.id, batchId, files: records.length, state: records[0]?.state }, 'files offered');
      return records.map(toPublicTransfer);
    });
  }

  accept(member: Member, transferId: string): Promise<FileTransfer> {
    return this.act(member, transferId, 'receiver', { kind: 'accept' });
  }

  decline(member: Member, transferId: string): Promise<FileTransfer> {
    return this.act(member, transferId, 'receiver', { kind: 'decline' });
  }

  cancel(member: Member, transferId: string): Promise<FileTransfer> {
    return this.act(member, transferId, 'party-or-controller', { kind: 'cancel', reason: 'CANCELLED' });
  }

  progress(member: Member, transferId: string, verifiedChunks: number, reset: boolean): Promise<FileTransfer> {
    return this.act(member, transferId, 'receiver', { kind: 'progress', verifiedChunks, reset });
  }

  /** A chunk failed its hash at the receiver: the sender sends again from there. */
  async resend(member: Member, transferId: string, fromChunk: number): Promise<void> {
    const transfer = await this.act(member, transferId, 'receiver', { kind: 'resend', fromChunk });
    this.opts.notifier.toParticipant(transfer.senderId, 'file:resend', { sessionId: transfer.sessionId, transferId, fromChunk });
  }

  complete(member: Member, transferId: string, sha256: string): Promise<FileTransfer> {
    return this.act(member, transferId, 'party', (t) => ({ kind: 'complete', side: t.senderId === member.participant.id ? 'sender' : 'receiver', sha256 }));
  }

  fail(member: Member, transferId: string, reason: string): Promise<FileTransfer> {
    return this.act(member, transferId, 'party', { kind: 'fail', reason });
  }

  setPath(member: Member, transferId: string, path: TransferPath): Promise<FileTransfer> {
    return this.act(member, transferId, 'party', { kind: 'path', path });
  }

  /** What this member may see (customers: their own), the relay setting and the limit. */
  async list({ session, participant }: Member): Promise<FileListResponse> {
    const transfers = (await this.opts.store.listTransfers(session.id)).filter((t) => canSeeTransfer(participant, t));
    return { transfers: transfers.map(toPublicTransfer), forceRelay: this.opts.forceRelay, maxBytes: this.opts.maxBytes };
  }

  /** A simple-peer signal, forwarded only between the parties of a live transfer and only when peer to peer is allowed. */
  async signal({ session, participant }: Member, peerId: string, data: unknown): Promise<void> {
    if (this.opts.forceRelay) throw new AppError('P2P_DISABLED', 'peer to peer is disabled on this server: use the relay');
    if (!(await this.hasLiveTransfer(session.id, participant.id, peerId))) throw new AppError('NO_TRANSFER', 'no transfer in progress with this participant');
    this.opts.notifier.toParticipant(peerId, 'file:signal', { sessionId: session.id, fromId: participant.id, data });
  }

  /** A live transfer between a and b (from a to b only, when `directed`). */
  async hasLiveTransfer(sessionId: string, a: string, b: string, directed = false): Promise<boolean> {
    return (await this.opts.store.listTransfers(sessionId)).some((t) => isLiveTransfer(t) && isBetween(t, a, b, directed));
  }

  /** Refuses (NO_TRANSFER) unless a live transfer goes from `from` to `to`: the only pairs the relay carries. */
  async requireLiveTransfer(sessionId: string, from: string, to: string): Promise<void> {
    if (!(await this.hasLiveTransfer(sessionId, from, to, true))) throw new AppError('NO_TRANSFER', 'no transfer in progress between you');
  }

  /** The sender's relay channel exists: the receiver consumes it (file:relay-consume). */
  relayReady(sessionId: string, fromId: string, toId: string): void {
    this.opts.notifier.toParticipant(toId, 'file:relay-ready', { sessionId, fromId });
  }

  /** Whether this participant takes part in any live transfer (as `side` when given): their relay transports may exist. */
  async hasAnyLiveTransfer(sessionId: string, participantId: string, side?: 'sender' | 'receiver'): Promise<boolean> {
    const matches = (t: TransferRecord) => (side === 'sender' ? t.senderId === participantId : side === 'receiver' ? t.receiverId === participantId : isParty(participantId, t));
    return (await this.opts.store.listTransfers(sessionId)).some((t) => isLiveTransfer(t) && matches(t));
  }

  /** A party disconnected or left: their moving transfers pause (the resume point stays in the store). */
  partyAway(sessionId: string, participantId: string): Promise<void> {
    return this.each(sessionId, (t) => isParty(participantId, t) && ['accepted', 'running'].includes(t.state), { kind: 'pause' }, participantId);
  }

  /** The session ended: everything unfinished is cancelled. */
  sessionEnded(sessionId: string, actorId: string): Promise<void> {
    return this.each(sessionId, (t) => !isFinalTransferState(t.state), { kind: 'cancel', reason: 'SESSION_ENDED' }, actorId);
  }

  private onConsent(consent: ConsentRequest): Promise<void> {
    if (consent.activity !== 'file-transfer') return Promise.resolve();
    const mine = (t: TransferRecord) => t.consentId === consent.id;
    if (consent.status === 'granted') return this.each(consent.sessionId, (t) => mine(t) && t.state === 'awaiting-consent', { kind: 'consent-granted' }, consent.customerId);
    const reason = CONSENT_REFUSALS[consent.status];
    if (!reason) return Promise.resolve();
    const waiting = this.each(consent.sessionId, (t) => mine(t) && t.state === 'awaiting-consent', { kind: 'consent-refused', reason }, consent.customerId);
    // A revoked grant stops what it allowed at once.
    return consent.status === 'revoked' ? waiting.then(() => this.each(consent.sessionId, (t) => mine(t) && !isFinalTransferState(t.state), { kind: 'cancel', reason }, consent.customerId)) : waiting;
  }

  /** Applies one action to every transfer of a session that matches. */
  private each(sessionId: string, matches: (t: TransferRecord) => boolean, action: TransferAction, actorId: string): Promise<void> {
    return this.#serial.run(sessionId, async () => {
      for (const record of await this.opts.store.listTransfers(sessionId)) {
        if (!matches(record)) continue;
        const result = transition(record, action, this.opts.clock());
        if (result.ok) await this.save(record, result.next, actorId);
      }
    });
  }

  private act(member: Member, transferId: string, role: TransferRole, action: TransferAction | ((t: TransferRecord) => TransferAction)): Promise<FileTransfer> {
    const { session, participant } = member;
    return this.#serial.run(session.id, async () => {
      const record = await this.opts.store.getTransfer(session.id, transferId);
      // A transfer a customer may not see does not exist for them.
      if (!record || !canSeeTransfer(participant, record)) throw new AppError('TRANSFER_NOT_FOUND', 'no such transfer');
      const refusal = refuseActor(session, participant, record, role);
      if (refusal) throw new AppError(refusal.code, refusal.message);
      const result = transition(record, typeof action === 'function' ? action(record) : action, this.opts.clock());
      if (!result.ok) throw new AppError(result.code, result.message);
      await this.save(record, result.next, participant.id);
      return toPublicTransfer(result.next);
    });
  }

  /** Stores a change, audits state changes, tells the parties and staff, and frees what a finished transfer held. */
  private async save(before: TransferRecord, after: TransferRecord, actorId: string): Promise<void> {
    await this.opts.store.putTransfer(after);
    if (before.state !== after.state) {
      const action = AUDIT[after.state];
      if (action) await this.audit(after, actorId, action, outcome(after));
      this.opts.log.info({ sessionId: after.sessionId, transferId: after.transferId, state: after.state, reason: after.reason }, 'transfer changed');
    }
    this.notify(after);
    if (isLiveTransfer(before) && !isLiveTransfer(after)) await this.released(after, actorId);
  }

  private async released(done: TransferRecord, actorId: string): Promise<void> {
    const all = await this.opts.store.listTransfers(done.sessionId);
    if (!all.some((t) => isLiveTransfer(t) && isBetween(t, done.senderId, done.receiverId))) this.emit('pair-idle', done.sessionId, done.senderId, done.receiverId);
    // The consent of a batch ends when its last file is finished: the next offer asks again.
    if (done.consentId && all.every((t) => t.consentId !== done.consentId || isFinalTransferState(t.state))) {
      await this.opts.consents.end(done.sessionId, done.consentId, actorId);
    }
  }

  private notify(record: TransferRecord): void {
    const event = { sessionId: record.sessionId, transfer: toPublicTransfer(record) };
    this.opts.notifier.toStaff(record.sessionId, 'file:transfer', event);
    this.opts.notifier.toParticipant(record.customerId, 'file:transfer', event);
  }

  private audit(record: TransferRecord, actor: string, action: AuditEntry['action'], subject: string): Promise<void> {
    return this.opts.store.appendAudit(record.sessionId, { at: this.opts.clock(), actor, action, subject });
  }
}

/** Names and sizes, never contents. */
function describe(record: TransferRecord): string {
  const name = [...record.file.path, record.file.name].join('/');
  return `${record.transferId} ${name} (${record.file.size} bytes)`;
}

function outcome(record: TransferRecord): string {
  if (record.state === 'verified') return `${describe(record)} sha256 ${record.sha256 ?? ''}`;
  return record.reason ? `${describe(record)} ${record.reason}` : describe(record);
}
