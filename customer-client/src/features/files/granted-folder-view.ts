import { isSafeFileName } from '@rs/signaling';
import type { FsAnswer, FsOp, FsRequestEvent, ParticipantId } from '@rs/signaling';
import { ModalDialog, askConfirmation, h, type MessageKey, type SessionChannel } from '@rs/web-common';
import { GrantedFolder, type FolderFile } from './granted-folder';

export interface GrantedFolderOptions {
  readonly channel: SessionChannel;
  readonly nameOf: (participantId: ParticipantId) => string;
  /** The browser's folder picker (systemDirectoryPicker()), or null where there is none: the agent is told "basic mode". Tests hand an OPFS handle here. */
  readonly pickDirectory: (() => Promise<FileSystemDirectoryHandle>) | null;
  /** Offers files fetched by the agent to them through the Files engine (file:offer, each file under its folder path). */
  readonly offerToAgent: (agentId: ParticipantId, files: FolderFile[]) => Promise<void>;
}

const CONFIRMS: Record<Exclude<FsOp['kind'], 'list'>, MessageKey> = {
  mkdir: 'grantedFolder.confirm.mkdir',
  rename: 'grantedFolder.confirm.rename',
  delete: 'grantedFolder.confirm.delete',
  fetch: 'grantedFolder.confirm.fetch',
};

/**
 * The customer's side of folder mode (R7.2): answers the agent's request for a folder (the picker,
 * or "unsupported"), runs each operation on the granted folder after asking (unless everything
 * was allowed; browsing a granted folder is not asked again), and shows which folder is shared with
 * a way to stop. Mount `element` into the Files panel (mountFolderBrowser).
 */
export class GrantedFolderView {
  /** Which folder is shared and Stop sharing: on the main page, seen whether the Files panel is open or not. */
  readonly element: HTMLElement;
  /** For the Files panel: this browser cannot share folders, basic mode only (null where it can). */
  readonly basicModeNote: HTMLElement | null;
  private readonly label: HTMLElement;
  private granted: GrantedFolder | null = null;
  /** Who asked for the folder (named in the shared line). */
  private agentId: ParticipantId | null = null;
  /** Operations run one at a time (one question on screen at once). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: GrantedFolderOptions) {
    this.label = h('span', { className: 'granted-folder-name', testId: 'granted-folder-name' });
    const stop = h('button', { className: 'btn btn-secondary', testId: 'granted-folder-stop', i18n: 'grantedFolder.stop', attrs: { type: 'button' }, on: { click: () => void this.stop() } });
    this.element = h('div', { className: 'granted-folder', testId: 'granted-folder', attrs: { hidden: true, role: 'status' } }, [this.label, stop]);
    this.basicModeNote = options.pickDirectory ? null : h('p', { className: 'field-hint', testId: 'granted-folder-basic', i18n: 'grantedFolder.basicMode' });
    const { channel } = options;
    channel.on('files:folder-requested', ({ fromId }) => this.onRequested(fromId));
    channel.answer('files:fs-request', (request) => this.enqueue(() => this.onFsRequest(request)));
    // Back after a reconnect (the server forgot the folder with the connection): the page still holds it.
    channel.events.on('snapshot', () => {
      if (this.granted) void this.announce(true);
    });
  }

  /** The folder shared now (the Files engine writes received granted-folder transfers through it). */
  get folder(): GrantedFolder | null {
    return this.granted;
  }

  private onRequested(agentId: ParticipantId): void {
    this.agentId = agentId;
    const name = this.options.nameOf(agentId);
    const pick = this.options.pickDirectory;
    if (!pick) {
      void this.answer({ granted: false, unsupported: true });
      const dialog = new ModalDialog({
        testId: 'granted-folder-unsupported',
        title: 'grantedFolder.requestTitle',
        titleParams: { name },
        body: [h('p', { i18n: 'grantedFolder.unsupported' })],
        actions: [{ i18n: 'consent.unsupportedOk', testId: 'granted-folder-unsupported-ok', variant: 'primary', onSelect: () => undefined }],
        defaultAction: 0,
        onEscape: () => undefined,
      });
      dialog.open();
      return;
    }
    const dialog = new ModalDialog({
      testId: 'granted-folder-request',
      title: 'grantedFolder.requestTitle',
      titleParams: { name },
      body: [h('p', { i18n: 'grantedFolder.requestBody', params: { name } })],
      actions: [
        { i18n: 'grantedFolder.decline', testId: 'granted-folder-decline', variant: 'secondary', onSelect: () => void this.answer({ granted: false }) },
        // The picker needs this click (a user gesture).
        { i18n: 'grantedFolder.choose', testId: 'granted-folder-choose', variant: 'primary', onSelect: () => void this.choose(pick) },
      ],
      defaultAction: 1,
      onEscape: () => void this.answer({ granted: false }),
    });
    dialog.open();
  }

  private async choose(pick: () => Promise<FileSystemDirectoryHandle>): Promise<void> {
    try {
      this.granted = new GrantedFolder(await pick());
    } catch {
      // Closing the picker is a "no".
      this.granted = null;
    }
    await this.announce(this.granted !== null);
  }

  private async stop(): Promise<void> {
    this.granted = null;
    await this.announce(false);
  }

  private async announce(granted: boolean): Promise<void> {
    const name = this.granted?.name ?? '';
    await this.answer(granted ? { granted: true, rootName: isSafeFileName(name) ? name : 'folder' } : { granted: false });
  }

  private async answer(answer: { granted: boolean; rootName?: string; unsupported?: boolean }): Promise<void> {
    this.render();
    try {
      await this.options.channel.request('files:folder-answer', { sessionId: this.options.channel.sessionId, ...answer });
    } catch (error) {
      console.warn('folder answer refused', error);
    }
  }

  private render(): void {
    this.element.hidden = this.granted === null;
    this.label.replaceChildren();
    if (!this.granted) return;
    this.label.append(
      h('strong', { i18n: 'grantedFolder.shared', params: { name: this.granted.name } }),
      ' ',
      h('span', { i18n: 'grantedFolder.sharedWith', params: { agent: this.agentId ? this.options.nameOf(this.agentId) : '' } }),
    );
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async onFsRequest(request: FsRequestEvent): Promise<FsAnswer> {
    const folder = this.granted;
    if (!folder) return { ok: false, code: 'FS_ERROR' };
    const { op } = request;
    if (request.needsConsent && op.kind !== 'list' && !(await this.confirm(op, request.fromId))) return { ok: false, code: 'DENIED' };
    return folder.execute(op, (files) => this.options.offerToAgent(request.fromId, files));
  }

  private confirm(op: Exclude<FsOp, { kind: 'list' }>, agentId: ParticipantId): Promise<boolean> {
    const target = [...op.path, op.kind === 'rename' ? op.from : op.name].join('/');
    return askConfirmation({
      testId: 'granted-folder-confirm',
      title: 'grantedFolder.confirmTitle',
      body: CONFIRMS[op.kind],
      params: { name: this.options.nameOf(agentId), target, to: op.kind === 'rename' ? op.to : '' },
      confirm: 'grantedFolder.allow',
      confirmTestId: 'granted-folder-allow',
      cancelTestId: 'granted-folder-deny',
      danger: op.kind === 'delete',
    });
  }
}
