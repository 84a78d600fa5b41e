import { isFinalTransferState } from '@rs/signaling';
import type { FileTransfer, FolderState, FsEntry, FsOp, ParticipantId, RelativePath } from '@rs/signaling';
import { ApiError, FolderHandle, TypedEmitter, type FolderFile, type MessageKey, type MessageParams, type SessionChannel } from '@rs/web-common';

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
  /** Transfers started here (both ways), followed to the status line "n of m files transferred". */
  private readonly followed = new Map<string, FileTransfer>();
  /** Fetches asked for: the customer's offers that match are accepted at once. */
  private readonly fetching: { name: string; since: number }[] = [];

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
    this.fetching.push({ name, since: Date.now() });
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
      const transfers = await this.options.offerToCustomer(customerId, files, this.remotePath);
      for (const transfer of transfers) this.followed.set(transfer.transferId, transfer);
      this.status = { key: 'folder.done.send', params: { count: transfers.length, name: this.remotePath.at(-1) ?? this.rootName ?? '' }, tone: 'info' };
    });
  }

  /** Cancels every unfinished transfer started here. */
  cancelAll(): Promise<void> {
    return this.run(async () => {
      for (const transfer of this.followed.values()) {
        if (isFinalTransferState(transfer.state)) continue;
        await this.options.channel.request('file:cancel', { sessionId: this.options.channel.sessionId, transferId: transfer.transferId });
      }
      this.status = { key: 'folder.done.cancelled', tone: 'info' };
    });
  }

  private onTransfer(transfer: FileTransfer): void {
    const customerId = this.options.customerId();
    const fetched = transfer.senderId === customerId && transfer.state === 'offered' && this.fetching.some((f) => f.since <= transfer.createdAt + 5_000 && (transfer.file.path[0] ?? transfer.file.name) === f.name);
    if (fetched && !this.followed.has(transfer.transferId)) {
      this.followed.set(transfer.transferId, transfer);
      void this.options.channel.request('file:accept', { sessionId: this.options.channel.sessionId, transferId: transfer.transferId }).catch(() => undefined);
    }
    if (!this.followed.has(transfer.transferId)) return;
    this.followed.set(transfer.transferId, transfer);
    const all = [...this.followed.values()];
    const done = all.filter((t) => t.state === 'verified').length;
    const failed = all.some((t) => t.state === 'failed' || t.state === 'denied');
    if (isFinalTransferState(transfer.state)) this.status = { key: 'folder.done.transfers', params: { done, total: all.length }, tone: failed ? 'error' : done === all.length ? 'success' : 'info' };
    this.changed();
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

const KNOWN_ERRORS = ['DENIED', 'NOT_FOUND', 'EXISTS', 'FS_ERROR', 'FS_TIMEOUT', 'INVALID_FILE_NAME', 'FOLDER_NOT_GRANTED'] as const;

export function errorKey(code: string): MessageKey {
  return (KNOWN_ERRORS as readonly string[]).includes(code) ? (`folder.error.${code}` as MessageKey) : 'folder.error.other';
}
