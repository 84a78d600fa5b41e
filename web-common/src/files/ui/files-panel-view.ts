import type { ParticipantId } from '@rs/signaling';
import { ApiError } from '../../connection/api-error';
import { formatBytes } from '../../format/bytes';
import { bindText } from '../../i18n/translate-dom';
import { h } from '../../ui/dom';
import type { Toaster } from '../../ui/toaster';
import type { FileTransferManager } from '../file-transfer-manager';
import { TransferItemView, errorKey } from './transfer-item-view';

export interface FilesPanelOptions {
  readonly files: FileTransferManager;
  /** Who my files go to now (the agent in control, or the customer being helped); null: nobody. */
  readonly recipient: () => ParticipantId | null;
  readonly nameOf: (participantId: string) => string;
  readonly toaster: Toaster;
}

/**
 * The Files panel (R7.1): pick or drop files to send them, see offered and running transfers with
 * progress, download, cancel, the path in use and the verified SHA-256. Either side closes it for
 * itself; a new offer opens it again. `slot` is where the granted-folder browser mounts (R7.2).
 */
export class FilesPanelView {
  readonly element: HTMLElement;
  /** Folder mode (F1) mounts here: mountFolderBrowser(). */
  readonly slot: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly empty: HTMLElement;
  private readonly recipientLine: HTMLElement;
  private readonly limit: HTMLElement;
  private readonly relayNote: HTMLElement;
  private readonly chooser: HTMLButtonElement;
  private readonly dropZone: HTMLElement;
  private readonly items = new Map<string, TransferItemView>();
  private readonly seen = new Set<string>();

  constructor(private readonly options: FilesPanelOptions) {
    const { files } = options;
    const input = h('input', { className: 'visually-hidden', testId: 'files-input', attrs: { type: 'file', multiple: true, tabindex: -1, 'aria-hidden': 'true' } });
    input.addEventListener('change', () => {
      void this.send([...(input.files ?? [])]);
      input.value = '';
    });
    this.chooser = h('button', { className: 'btn btn-primary', testId: 'files-choose', i18n: 'files.choose', attrs: { type: 'button' }, on: { click: () => input.click() } });
    this.dropZone = h('div', { className: 'files-drop', testId: 'files-drop', i18n: 'files.dropHint' });
    this.dropZone.addEventListener('dragover', (event) => {
      event.preventDefault();
      this.dropZone.classList.add('is-over');
    });
    this.dropZone.addEventListener('dragleave', () => this.dropZone.classList.remove('is-over'));
    this.dropZone.addEventListener('drop', (event) => {
      event.preventDefault();
      this.dropZone.classList.remove('is-over');
      void this.send([...(event.dataTransfer?.files ?? [])]);
    });
    this.recipientLine = h('p', { className: 'files-recipient', testId: 'files-recipient' });
    this.limit = h('p', { className: 'files-limit', testId: 'files-limit' });
    this.relayNote = h('p', { className: 'files-relay-note', testId: 'files-relay-note', i18n: 'files.relayForced' });
    this.list = h('ul', { className: 'files-list', testId: 'files-list', attrs: { 'aria-live': 'polite' } });
    this.empty = h('p', { className: 'files-empty', i18n: 'files.empty' });
    this.slot = h('div', { className: 'files-slot', testId: 'files-slot' });
    const close = h('button', { className: 'btn btn-icon', testId: 'files-close', text: '×', i18nAttrs: { 'aria-label': 'files.close', title: 'files.close' }, attrs: { type: 'button' }, on: { click: () => this.hide() } });
    this.element = h('section', { className: 'files-panel panel', testId: 'files-panel', attrs: { 'aria-labelledby': 'files-title' } }, [
      h('div', { className: 'files-head' }, [h('h2', { i18n: 'files.title', attrs: { id: 'files-title' } }), close]),
      this.recipientLine,
      h('div', { className: 'files-send' }, [this.dropZone, this.chooser, input]),
      this.limit,
      this.relayNote,
      this.empty,
      this.list,
      this.slot,
    ]);
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.hide();
    });
    this.element.hidden = true;
    files.events.on('changed', (transferId) => this.renderItem(transferId));
    files.events.on('error', (code) => options.toaster.show(errorKey(code), { code, size: formatBytes(files.maxBytes) }, 'error'));
    files.events.on('saved', (transferId) => {
      const file = files.view(transferId)?.transfer.file.name ?? '';
      const folder = files.savedFolder(transferId);
      options.toaster.show(folder === null ? 'files.saved' : 'files.savedToFolder', { file, folder: folder ?? '' });
    });
    this.render();
  }

  get visible(): boolean {
    return !this.element.hidden;
  }

  show(): void {
    this.element.hidden = false;
    this.render();
  }

  hide(): void {
    this.element.hidden = true;
  }

  toggle(): void {
    if (this.visible) this.hide();
    else this.show();
  }

  /** The recipient or the limits changed. */
  render(): void {
    const recipient = this.options.recipient();
    bindText(this.recipientLine, recipient ? 'files.sendTo' : 'files.noRecipient', recipient ? { name: this.options.nameOf(recipient) } : undefined);
    this.chooser.disabled = recipient === null;
    this.dropZone.classList.toggle('is-disabled', recipient === null);
    bindText(this.limit, 'files.limit', { size: formatBytes(this.options.files.maxBytes) });
    this.relayNote.hidden = !this.options.files.relayForced;
    for (const transfer of this.options.files.list()) this.renderItem(transfer.transferId);
    this.empty.hidden = this.items.size > 0;
  }

  private renderItem(transferId: string): void {
    const view = this.options.files.view(transferId);
    if (!view) return;
    let item = this.items.get(transferId);
    if (!item) {
      item = new TransferItemView(transferId, {
        accept: (id) => void this.options.files.accept(id),
        decline: (id) => void this.options.files.decline(id),
        cancel: (id) => void this.options.files.cancel(id),
        save: (id) => void this.options.files.save(id),
        reselect: (id, file) => void this.options.files.reselect(id, file),
        nameOf: this.options.nameOf,
      });
      this.items.set(transferId, item);
      this.list.append(item.element);
      this.empty.hidden = true;
    }
    item.render(view);
    // Something new arrives for me: the panel opens (once per transfer).
    if (!this.seen.has(transferId) && !view.outgoing && ['awaiting-consent', 'offered', 'connecting', 'running'].includes(view.phase)) {
      this.seen.add(transferId);
      this.show();
    }
  }

  private async send(files: File[]): Promise<void> {
    const recipient = this.options.recipient();
    if (!recipient || files.length === 0) return;
    try {
      await this.options.files.offer(recipient, files);
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'INTERNAL';
      this.options.toaster.show(errorKey(code), { code, size: formatBytes(this.options.files.maxBytes) }, 'error');
    }
  }
}

/** F1's folder browser mounts its element into the panel's slot (R7.2). */
export function mountFolderBrowser(panel: FilesPanelView, element: HTMLElement): () => void {
  panel.slot.append(element);
  return () => element.remove();
}
