import { isFinalTransferState } from '@rs/signaling';
import type { FileTransfer, FolderState, FsEntry, FsOp, ParticipantId, RelativePath } from '@rs/signaling';
import { ApiError, FolderBatches, FolderHandle, TypedEmitter, type BatchTarget, type FolderFile, type MessageKey, type MessageParams, type SessionChannel } from '@rs/web-common';


export interface FolderBrowserOptions {
  readonly channel: SessionChannel;
  /** The customer whose folder is browsed (the one being helped); null: nobody. */
  readonly customerId: () => ParticipantId | null;
  /** My folder picker (showDirectoryPicker), null where the browser has none. Tests hand an OPFS handle. */
  readonly pickLocal: (() => Promise<FileSystemDirectoryHandle>) | null;
  /** Offers files to the customer into their granted folder under `path` (the Files engine: file:offer, target granted-folder). */
  readonly offerToCustomer: (customerId: ParticipantId, files: FolderFile[], path: RelativePath) => Promise<FileTransfer[]>;
}

export interface FolderStatus {
  readonly key: MessageKey;
  readonly params?: MessageParams;
  readonly tone: 'info' | 'success' | 'error';
}

export type FolderBrowserEvents = { changed: [] };

/**
 * The agent's side of folder mode (R7.2): where folder access stands, the customer's tree (through
 * files:fs), my own folder beside it, transfers either way, and one status line saying what happened.
 */
export class FolderBrowser {
  readonly events = new TypedEmitter<FolderBrowserEvents>();
  state: FolderState = 'none';
  rootName: string | null = null;
  remotePath: string[] = [];
  remoteEntries: FsEntry[] = [];
  skipped = 0;
  local: FolderHandle | null = null;
  localPath: string[] = [];
  localEntries: FsEntry[] = [];
  status: FolderStatus | null = null;
  busy = false;
  /** Transfers started here (both ways), grouped by batch: progress and the status line. */
  private readonly batches = new FolderBatches();
  /** Fetches asked for: the customer's offer that matches is accepted at once and goes where I was then. */
  private readonly fetching: { name: string; since: number; target: BatchTarget }[] = [];
  /** What each batch I sent adds at the top of the customer's folder (the file or folder I chose). */
  private readonly arriving = new Map<string, string>();

  constructor(private readonly options: FolderBrowserOptions) {
    const { channel } = options;
    channel.on('files:folder', (event) => {
      if (event.customerId !== options.customerId()) return;
      const wasGranted = this.state === 'granted';
      this.state = event.state;
      this.rootName = event.rootName;
      if (event.state === 'granted' && !wasGranted) void this.openRemote([]);
      else this.changed();
    });
    channel.on('file:transfer', ({ transfer }) => this.onTransfer(transfer));
  }

  get localSupported(): boolean {
    return this.options.pickLocal !== null;
  }

  async ask(): Promise<void> {
    const customerId = this.options.customerId();
    if (!customerId) return;
    await this.run(async () => {
      const event = await this.options.channel.request('files:folder-request', { sessionId: this.options.channel.sessionId, customerId });
      this.state = event.state;
    });
  }

  openRemote(path: string[]): Promise<void> {
    return this.run(async () => {
      const answer = await this.fs({ kind: 'list', path });
      if (!answer) return;
      this.remotePath = path;
      this.remoteEntries = answer.entries ?? [];
      this.skipped = answer.skipped;
    });
  }

  mkdir(name: string): Promise<void> {
    return this.operate({ kind: 'mkdir', path: this.remotePath, name }, 'folder.done.mkdir', { name });
  }

  rename(from: string, to: string): Promise<void> {
    return this.operate({ kind: 'rename', path: this.remotePath, from, to }, 'folder.done.rename', { name: from, to });
  }

  remove(name: string): Promise<void> {
    return this.operate({ kind: 'delete', path: this.remotePath, name }, 'folder.done.delete', { name });
  }

  /** The customer's app offers that file or folder to me; its offers are accepted as they arrive. */
  fetch(name: string): Promise<void> {
    const target: BatchTarget = this.local
      ? { where: [this.local.name, ...this.localPath].join('/'), localPath: [...this.localPath], downloads: false }
      : { where: '', localPath: null, downloads: true };
    this.fetching.push({ name, since: Date.now(), target });
    return this.operate({ kind: 'fetch', path: this.remotePath, name }, 'folder.done.fetch', { name }, false);
  }

  async chooseLocal(): Promise<void> {
    const pick = this.options.pickLocal;
    if (!pick) return;
    try {
      this.local = new FolderHandle(await pick());
    } catch {
      return;
    }
    await this.openLocal([]);
  }

  openLocal(path: string[]): Promise<void> {
    return this.run(async () => {
      if (!this.local) return;
      const answer = await this.local.execute({ kind: 'list', path }, async () => undefined);
      if (!answer.ok) throw new ApiError('FS_FAILED', answer.code);
      this.localPath = path;
      this.localEntries = answer.entries ?? [];
    });
  }

  /** Sends one of my files or folders into the customer's folder where I am in their tree. */
  sendLocal(name: string): Promise<void> {
    const customerId = this.options.customerId();
    return this.run(async () => {
      if (!this.local || !customerId) return;
      let files: FolderFile[] = [];
      const answer = await this.local.execute({ kind: 'fetch', path: this.localPath, name }, async (collected) => {
        files = collected;
      });
      if (!answer.ok) throw new ApiError('FS_FAILED', answer.code);
      if (files.length === 0) throw new ApiError('FS_FAILED', 'EMPTY_FOLDER');
      const path = [...this.remotePath];
      const transfers = await this.options.offerToCustomer(customerId, files, path);
      const target: BatchTarget = { where: [this.rootName ?? '', ...path].join('/'), localPath: null, downloads: false };
      for (const transfer of transfers) this.batches.add(transfer, target);
      const first = transfers[0];
      if (first) this.arriving.set(first.batchId, name);
      if (first) this.status = this.batches.statusOf(first.transferId);
    });
  }

  /** Bytes verified of the folder transfers still running (the progress bar); null: none. */
  get progress(): { done: number; total: number } | null {
    return this.batches.progress();
  }

  /** Cancels every unfinished transfer started here. */
  cancelAll(): Promise<void> {
    return this.run(async () => {
      const unfinished = this.batches.unfinished();
      // One may finish while the others are cancelled: its refusal (already verified) changes nothing.
      const answers = await Promise.all(unfinished.map((transfer) => this.options.channel.request('file:cancel', { sessionId: this.options.channel.sessionId, transferId: transfer.transferId }).catch(() => null)));
      for (const answer of answers) if (answer) this.batches.update(answer);
      const first = unfinished[0];
      if (first) this.status = this.batches.statusOf(first.transferId);
    });
  }

  /**
   * The Files engine's folder writer on my side: a verified file fetched from the customer's folder
   * is written into my folder where I was when I fetched it (null: not one of those, it is downloaded).
   */
  async writeFetched(transfer: FileTransfer, file: File): Promise<string | null> {
    const path = this.batches.localPathOf(transfer.transferId);
    if (!this.local || path === null) return null;
    const into = [...path, ...transfer.file.path];
    await this.local.write(into, transfer.file.name, file);
    this.batches.markWritten(transfer.transferId);
    this.status = this.batches.statusOf(transfer.transferId);
    if (this.batches.progress() === null) await this.openLocal(this.localPath);
    else this.changed();
    return [this.local.name, ...into].join('/');
  }

  private onTransfer(transfer: FileTransfer): void {
    if (!this.batches.follows(transfer.transferId)) this.adoptFetched(transfer);
    if (!this.batches.update(transfer)) return;
    this.status = this.batches.statusOf(transfer.transferId);
    // Files sent into the customer's folder: show them there once all arrived.
    if (isFinalTransferState(transfer.state) && transfer.receiverId === this.options.customerId() && this.batches.progress() === null) void this.showArrived(transfer.batchId);
    else this.changed();
  }

  /**
   * Lists the customer's folder until what a batch sent shows there: their app
   * writes each file into the folder a moment after it is verified (a large
   * file takes seconds), so one listing at once may miss it.
   */
  private async showArrived(batchId: string): Promise<void> {
    const name = this.arriving.get(batchId);
    this.arriving.delete(batchId);
    for (let attempt = 0; attempt < ARRIVAL_LISTINGS; attempt += 1) {
      await this.openRemote(this.remotePath);
      if (name === undefined || this.remoteEntries.some((entry) => entry.name === name)) return;
      await new Promise((resolve) => setTimeout(resolve, ARRIVAL_RETRY_MS));
    }
  }

  /** An offer from the customer that answers one of my fetches: followed, and accepted at once. */
  private adoptFetched(transfer: FileTransfer): void {
    if (transfer.senderId !== this.options.customerId() || transfer.state !== 'offered') return;
    let target: BatchTarget | undefined;
    if (!this.batches.hasBatch(transfer.batchId)) {
      const index = this.fetching.findIndex((f) => f.since <= transfer.createdAt + 5_000 && (transfer.file.path[0] ?? transfer.file.name) === f.name);
      if (index < 0) return;
      target = this.fetching[index]?.target;
      this.fetching.splice(index, 1);
    }
    this.batches.add(transfer, target ?? { where: '', localPath: null, downloads: true });
    void this.options.channel.request('file:accept', { sessionId: this.options.channel.sessionId, transferId: transfer.transferId }).catch(() => undefined);
  }

  private async operate(op: Exclude<FsOp, { kind: 'list' }>, done: MessageKey, params: MessageParams, reload = true): Promise<void> {
    await this.run(async () => {
      if (!(await this.fs(op))) return;
      this.status = { key: done, params, tone: 'success' };
    });
    if (reload) await this.openRemote(this.remotePath);
  }

  /** One operation in the customer's folder; null (and the status line says why) when refused. */
  private async fs(op: FsOp) {
    const customerId = this.options.customerId();
    if (!customerId) return null;
    const answer = await this.options.channel.request('files:fs', { sessionId: this.options.channel.sessionId, customerId, op });
    if (!answer.ok) {
      this.status = { key: errorKey(answer.code), params: { code: answer.code }, tone: 'error' };
      return null;
    }
    return answer;
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.changed();
    try {
      await work();
    } catch (error) {
      const code = error instanceof ApiError ? (error.code === 'FS_FAILED' ? error.message : error.code) : 'INTERNAL';
      this.status = { key: errorKey(code), params: { code }, tone: 'error' };
    } finally {
      this.busy = false;
      this.changed();
    }
  }

  private changed(): void {
    this.events.emit('changed');
  }
}

/** How often, and how far apart, the customer's folder is listed until a batch sent there shows (10 s at most). */
const ARRIVAL_LISTINGS = 20;
const ARRIVAL_RETRY_MS = 500;

const KNOWN_ERRORS = ['DENIED', 'NOT_FOUND', 'EXISTS', 'FS_ERROR', 'FS_TIMEOUT', 'INVALID_FILE_NAME', 'FOLDER_NOT_GRANTED', 'EMPTY_FOLDER', 'FILE_TOO_LARGE', 'NOT_IN_CONTROL'] as const;

export function errorKey(code: string): MessageKey {
  return (KNOWN_ERRORS as readonly string[]).includes(code) ? (`folder.error.${code}` as MessageKey) : 'folder.error.other';
}
