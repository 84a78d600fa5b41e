import {
  DEFAULT_FILE_TRANSFER_MAX_BYTES,
  FILE_CHUNK_BYTES,
  type ErrorCode,
  type FileDescriptor,
  type FileTransfer,
  type FileTransferTarget,
  type ParticipantId,
  type RequestOf,
  type TransferPath,
} from '@rs/signaling';
import { ApiError } from '../connection/api-error';
import type { FolderFile } from '../folder/folder-handle';
import type { SessionChannel } from '../session/session-channel';
import { Subscriptions, TypedEmitter } from '../util/typed-emitter';
import { bytesInChunks } from './chunk-plan';
import { ChunkStore } from './chunk-store';
import { decodeFrame } from './frame-codec';
import { IncomingTransfer } from './incoming-transfer';
import { FileLinks } from './links/file-links';
import { OutgoingTransfer } from './outgoing-transfer';
import { fingerprintOf } from './sha256';
import { RateMeter } from './transfer-rate';
import { isFinal, isLive, mergeTransfer, phaseOf, type TransferPhase } from './transfer-state';

export type FileTransferEvents = {
  /** A transfer was added or changed (state, progress, path, phase). */
  changed: [transferId: string];
  /** A request failed (shown to the user). */
  error: [code: ErrorCode | 'TIMEOUT' | 'NETWORK_ERROR' | 'INTERNAL'];
  /** A download finished and was handed to the browser. */
  saved: [transferId: string];
};

/**
 * Writes a verified received file into a folder (R7.2): the customer's shared folder for granted-folder
 * targets, the agent's own folder for files fetched from the customer's. Resolves false when the file
 * is not for a folder (it is then handed to the browser as a download); otherwise where it went ("mine/Reports").
 */
export type FolderWriter = (transfer: FileTransfer, file: File) => Promise<string | null>;

export interface TransferView {
  readonly transfer: FileTransfer;
  readonly outgoing: boolean;
  readonly phase: TransferPhase;
  readonly bytesDone: number;
  readonly bytesPerSecond: number;
  readonly secondsLeft: number | null;
  readonly path: TransferPath | null;
  readonly bytesResent: number;
}

/** The worker that writes received chunks to disk, next to the app's script (scripts/build.mjs). */
function defaultWorkerUrl(): URL {
  return new URL('files-worker.js', document.baseURI);
}

/**
 * File transfer for one page in one session (R7.1, R7.3): the transfers this participant may see
 * (file:list after every join, file:transfer events), the files it sends and receives, and the
 * data paths. Sender and receiver stream from and to disk; the server keeps the resume point.
 */
export class FileTransferManager {
  readonly events = new TypedEmitter<FileTransferEvents>();
  readonly links: FileLinks;
  readonly store: ChunkStore;
  private readonly transfers = new Map<string, FileTransfer>();
  private readonly sources = new Map<string, File>();
  private readonly outgoing = new Map<string, OutgoingTransfer>();
  private readonly incoming = new Map<string, IncomingTransfer>();
  private readonly meters = new Map<string, RateMeter>();
  private readonly saved = new Set<string>();
  /** Verified files written into a folder: where (for the "saved" notice). */
  private readonly savedTo = new Map<string, string>();
  private folderWriter: FolderWriter | null = null;
  private readonly subscriptions = new Subscriptions();
  private forceRelay = false;
  maxBytes = DEFAULT_FILE_TRANSFER_MAX_BYTES;

  constructor(
    private readonly channel: SessionChannel,
    private readonly selfId: () => ParticipantId | null,
    workerUrl: URL | string = defaultWorkerUrl(),
  ) {
    this.store = new ChunkStore(workerUrl);
    this.links = new FileLinks(channel, (peerId) => this.initiates(peerId));
    this.links.events.on('frame', (fromId, bytes) => this.onFrame(fromId, bytes));
    // A customer waiting to be admitted may ask for nothing yet (NOT_ADMITTED): the list comes with the admitted snapshot.
    this.subscriptions.add(channel.events.on('snapshot', (snapshot) => (snapshot.self.waiting === true ? undefined : void this.refresh())));
    this.subscriptions.add(channel.on('file:transfer', ({ transfer }) => this.apply(transfer)));
    this.subscriptions.add(channel.on('file:resend', ({ transferId, fromChunk }) => this.outgoing.get(transferId)?.resend(fromChunk)));
    // The sender is back (a reload, a drop): as receiver, say again where to resume (paused -> running).
    const back = ({ participant }: { participant: { id: ParticipantId; connected: boolean } }): void => {
      if (!participant.connected) return;
      for (const [id, receiver] of this.incoming) {
        const transfer = this.transfers.get(id);
        if (transfer?.senderId === participant.id && transfer.state === 'paused') receiver.resume();
      }
    };
    this.subscriptions.add(channel.on('session:participant-joined', back));
    this.subscriptions.add(channel.on('session:participant-updated', back));
  }

  /** Every transfer this page knows, oldest first. */
  list(): FileTransfer[] {
    return [...this.transfers.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  view(transferId: string): TransferView | null {
    const transfer = this.transfers.get(transferId);
    if (!transfer) return null;
    const outgoing = transfer.senderId === this.selfId();
    const sender = this.outgoing.get(transferId);
    const receiver = this.incoming.get(transferId);
    const meter = this.meters.get(transferId);
    const bytesDone = transfer.state === 'verified' ? transfer.file.size : bytesInChunks(Math.max(transfer.verifiedChunks, receiver?.verified ?? 0), transfer.file.size, transfer.chunkSize);
    const phase = phaseOf(transfer, {
      missingSource: outgoing && isLive(transfer.state) && !this.sources.has(transferId),
      linked: outgoing ? sender?.linked ?? false : (receiver?.framesSeen ?? 0) > 0 || transfer.state === 'running',
      hashing: (sender?.hashing ?? false) || (receiver?.hashing ?? false),
    });
    return {
      transfer,
      outgoing,
      phase,
      bytesDone,
      bytesPerSecond: meter?.bytesPerSecond() ?? 0,
      secondsLeft: meter?.secondsLeft(transfer.file.size) ?? null,
      path: sender?.pathInUse ?? transfer.path,
      bytesResent: sender?.bytesResent ?? 0,
    };
  }

  get relayForced(): boolean {
    return this.forceRelay;
  }

  /**
   * Offers files to `receiverId` (fingerprints first: a reloaded sender is recognised by them).
   * Files of a folder carry their folder path; `target` says where the receiver puts them (R7.2).
   */
  async offer(receiverId: ParticipantId, files: readonly (File | FolderFile)[], target: FileTransferTarget = { kind: 'download' }): Promise<FileTransfer[]> {
    const entries = files.map((entry) => (entry instanceof File ? { file: entry, path: [] } : entry));
    const tooLarge = entries.find(({ file }) => file.size > this.maxBytes);
    if (tooLarge) throw new ApiError('FILE_TOO_LARGE', tooLarge.file.name);
    const descriptors: FileDescriptor[] = [];
    for (const { file, path } of entries) {
      descriptors.push({ name: file.name, size: file.size, lastModified: Math.max(0, Math.floor(file.lastModified)), path: [...path], fingerprint: await fingerprintOf(file, FILE_CHUNK_BYTES) });
    }
    const { transfers } = await this.channel.request('file:offer', { sessionId: this.channel.sessionId, receiverId, files: descriptors, target });
    transfers.forEach((transfer, index) => {
      const entry = entries[index];
      if (entry) this.sources.set(transfer.transferId, entry.file);
      this.apply(transfer);
    });
    return transfers;
  }

  /** Where verified transfers for a folder are written (the customer's shared folder, the agent's own); null: downloads only. */
  setFolderWriter(writer: FolderWriter | null): void {
    this.folderWriter = writer;
  }

  accept(transferId: string): Promise<void> {
    return this.act('file:accept', transferId);
  }

  decline(transferId: string): Promise<void> {
    return this.act('file:decline', transferId);
  }

  cancel(transferId: string): Promise<void> {
    return this.act('file:cancel', transferId);
  }

  /** A reloaded sender selects the file again: it must be the same one (size and fingerprint). */
  async reselect(transferId: string, file: File): Promise<boolean> {
    const transfer = this.transfers.get(transferId);
    if (!transfer) return false;
    const same = file.size === transfer.file.size && (await fingerprintOf(file, transfer.chunkSize)) === transfer.file.fingerprint;
    if (!same) {
      this.events.emit('error', 'FILE_CHANGED');
      return false;
    }
    this.sources.set(transferId, file);
    this.reconcile(transfer);
    return true;
  }

  /** Hands a verified download to the browser (an OPFS file: disk-backed, not read into memory). */
  async save(transferId: string): Promise<void> {
    const transfer = this.transfers.get(transferId);
    if (!transfer || transfer.state !== 'verified' || transfer.senderId === this.selfId()) return;
    const file = await this.store.file(transferId);
    const folder = this.folderWriter ? await this.folderWriter(transfer, file) : null;
    if (folder !== null) {
      this.saved.add(transferId);
      this.savedTo.set(transferId, folder);
      this.events.emit('saved', transferId);
      return;
    }
    const url = URL.createObjectURL(file);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = transfer.file.name;
    anchor.rel = 'noopener';
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    this.saved.add(transferId);
    this.events.emit('saved', transferId);
  }

  wasSaved(transferId: string): boolean {
    return this.saved.has(transferId);
  }

  /** The folder a verified file was written into (null: handed to the browser's downloads). */
  savedFolder(transferId: string): string | null {
    return this.savedTo.get(transferId) ?? null;
  }

  close(): void {
    for (const sender of this.outgoing.values()) sender.stop();
    for (const receiver of this.incoming.values()) receiver.dispose();
    this.subscriptions.clear();
    this.links.close();
    this.store.dispose();
    this.events.removeAllListeners();
  }

  private async refresh(): Promise<void> {
    try {
      const answer = await this.channel.request('file:list', { sessionId: this.channel.sessionId });
      this.forceRelay = answer.forceRelay;
      this.links.forceRelay = answer.forceRelay;
      this.maxBytes = answer.maxBytes;
      for (const transfer of answer.transfers) this.apply(transfer, true);
      // Back after a reconnect: receivers say where to resume (the server set their transfers paused).
      for (const receiver of this.incoming.values()) receiver.resume();
    } catch (error) {
      this.reportError(error);
    }
  }

  private apply(incoming: FileTransfer, fromList = false): void {
    const merged = mergeTransfer(this.transfers.get(incoming.transferId), incoming);
    if (fromList && merged !== incoming) return;
    this.transfers.set(merged.transferId, merged);
    this.meterOf(merged.transferId).add(Date.now(), bytesInChunks(merged.verifiedChunks, merged.file.size, merged.chunkSize));
    this.reconcile(merged);
    this.events.emit('changed', merged.transferId);
  }

  /** Starts, feeds or stops the local side of a transfer to match its state. */
  private reconcile(transfer: FileTransfer): void {
    const me = this.selfId();
    const id = transfer.transferId;
    if (transfer.senderId === me) {
      const file = this.sources.get(id);
      let sender = this.outgoing.get(id);
      if (!sender && file && isLive(transfer.state)) {
        sender = new OutgoingTransfer(transfer, file, this.outgoingDeps());
        this.outgoing.set(id, sender);
      }
      sender?.update(transfer);
      if (isFinal(transfer.state)) {
        this.outgoing.delete(id);
        this.sources.delete(id);
      }
    } else if (transfer.receiverId === me) {
      let receiver = this.incoming.get(id);
      if (!receiver && isLive(transfer.state)) {
        receiver = new IncomingTransfer(transfer, this.incomingDeps());
        this.incoming.set(id, receiver);
        void receiver.start();
        if (!this.forceRelay && transfer.path !== 'relay') this.links.ensurePeer(transfer.senderId);
        if (transfer.path === 'relay') this.links.consumeRelay(transfer.senderId);
      }
      receiver?.update(transfer);
      if (isFinal(transfer.state)) this.finishIncoming(transfer);
    }
    if (isFinal(transfer.state)) this.dropIdlePeer(transfer);
  }

  private finishIncoming(transfer: FileTransfer): void {
    const id = transfer.transferId;
    this.incoming.get(id)?.dispose();
    this.incoming.delete(id);
    if (transfer.state !== 'verified') void this.store.remove(id).catch(() => undefined);
    else if (!this.saved.has(id)) {
      // Marked at once: the verified state arrives twice (the file:complete answer and the event).
      this.saved.add(id);
      void this.save(id).catch(() => {
        this.saved.delete(id);
        this.events.emit('error', 'FILE_WRITE_ERROR');
      });
    }
  }

  /** No live transfer left with that participant: close the direct connection. */
  private dropIdlePeer(transfer: FileTransfer): void {
    const me = this.selfId();
    const peer = transfer.senderId === me ? transfer.receiverId : transfer.senderId;
    const live = this.list().some((t) => isLive(t.state) && (t.senderId === peer || t.receiverId === peer) && (t.senderId === me || t.receiverId === me));
    if (!live) this.links.dropPeer(peer);
  }

  /** The sender of the oldest live transfer between the two of us starts the direct connection. */
  private initiates(peerId: ParticipantId): boolean {
    const me = this.selfId();
    const oldest = this.list().find((t) => !isFinal(t.state) && ((t.senderId === me && t.receiverId === peerId) || (t.senderId === peerId && t.receiverId === me)));
    return oldest ? oldest.senderId === me : (me ?? '') < peerId;
  }

  private onFrame(fromId: ParticipantId, bytes: Uint8Array): void {
    const frame = decodeFrame(bytes);
    if (!frame) return;
    const transfer = this.transfers.get(frame.transferId);
    if (!transfer || transfer.senderId !== fromId) return;
    this.incoming.get(frame.transferId)?.onFrame(frame);
  }

  private outgoingDeps() {
    return {
      links: this.links,
      complete: (transferId: string, sha256: string) => this.completeTransfer(transferId, sha256),
      reportPath: (transferId: string, path: TransferPath) => this.send('file:path', { sessionId: this.channel.sessionId, transferId, path }),
      fail: (transferId: string, reason: ErrorCode) => this.send('file:fail', { sessionId: this.channel.sessionId, transferId, reason }),
      changed: (transferId: string) => this.events.emit('changed', transferId),
    };
  }

  private incomingDeps() {
    return {
      store: this.store,
      progress: (transferId: string, verifiedChunks: number, reset: boolean) =>
        this.send('file:progress', { sessionId: this.channel.sessionId, transferId, verifiedChunks, ...(reset ? { reset } : {}) }),
      resend: (transferId: string, fromChunk: number) => this.send('file:resend', { sessionId: this.channel.sessionId, transferId, fromChunk }),
      complete: (transferId: string, sha256: string) => this.completeTransfer(transferId, sha256),
      fail: (transferId: string, reason: ErrorCode) => this.send('file:fail', { sessionId: this.channel.sessionId, transferId, reason }),
      changed: (transferId: string) => this.events.emit('changed', transferId),
    };
  }

  private async completeTransfer(transferId: string, sha256: string): Promise<void> {
    try {
      this.apply(await this.channel.request('file:complete', { sessionId: this.channel.sessionId, transferId, sha256 }));
    } catch (error) {
      this.reportError(error);
    }
  }

  /** Fire and forget (ordered on the socket); a refusal is logged, the next state event corrects the view. */
  private send<N extends 'file:progress' | 'file:resend' | 'file:path' | 'file:fail'>(name: N, payload: RequestOf<N>): void {
    this.channel.request(name, payload).then(
      (answer) => {
        if (answer && typeof answer === 'object' && 'transferId' in answer) this.apply(answer);
      },
      (error: unknown) => console.info(`${name} refused`, error instanceof ApiError ? error.code : error),
    );
  }

  private async act(name: 'file:accept' | 'file:decline' | 'file:cancel', transferId: string): Promise<void> {
    try {
      this.apply(await this.channel.request(name, { sessionId: this.channel.sessionId, transferId }));
    } catch (error) {
      this.reportError(error);
    }
  }

  private reportError(error: unknown): void {
    const code = error instanceof ApiError ? error.code : 'INTERNAL';
    this.events.emit('error', code as FileTransferEvents['error'][0]);
  }

  private meterOf(transferId: string): RateMeter {
    let meter = this.meters.get(transferId);
    if (!meter) {
      meter = new RateMeter();
      this.meters.set(transferId, meter);
    }
    return meter;
  }
}
