import type { MessageKey } from '../../i18n/catalogs/en';
import { bindText } from '../../i18n/translate-dom';
import { formatBytes } from '../../format/bytes';
import { formatDuration } from '../../format/duration';
import { h, replaceChildren } from '../../ui/dom';
import type { TransferView } from '../file-transfer-manager';

export interface TransferItemActions {
  accept(transferId: string): void;
  decline(transferId: string): void;
  cancel(transferId: string): void;
  save(transferId: string): void;
  reselect(transferId: string, file: File): void;
  nameOf(participantId: string): string;
}

/** Error codes with their own message; others use files.error.generic. */
const KNOWN_ERRORS = new Set(['FILE_TOO_LARGE', 'FILE_CHANGED', 'HASH_MISMATCH', 'STORAGE_FULL']);

export function errorKey(code: string): MessageKey {
  return (KNOWN_ERRORS.has(code) ? `files.error.${code}` : 'files.error.generic') as MessageKey;
}

/** One transfer in the Files panel: name, direction, state, progress (bytes, rate, time left), path, hash, actions. */
export class TransferItemView {
  readonly element: HTMLLIElement;
  private readonly name = h('span', { className: 'file-name', testId: 'file-name' });
  private readonly direction = h('span', { className: 'file-direction' });
  private readonly state = h('span', { className: 'file-state', testId: 'file-state', attrs: { role: 'status' } });
  private readonly bar = h('progress', { className: 'file-progress', testId: 'file-progress' });
  private readonly figures = h('span', { className: 'file-figures', testId: 'file-figures' });
  private readonly path = h('span', { className: 'file-path', testId: 'file-path' });
  private readonly hash = h('code', { className: 'file-sha256', testId: 'file-sha256' });
  private readonly reason = h('span', { className: 'file-reason', testId: 'file-reason' });
  private readonly actions = h('div', { className: 'file-actions' });

  constructor(private readonly transferId: string, private readonly act: TransferItemActions) {
    this.element = h('li', { className: 'file-item', testId: 'file-item', attrs: { 'data-transfer-id': transferId } }, [
      h('div', { className: 'file-head' }, [this.name, this.direction, this.state]),
      this.bar,
      h('div', { className: 'file-meta' }, [this.figures, this.path]),
      this.reason,
      this.hash,
      this.actions,
    ]);
  }

  render(view: TransferView): void {
    const { transfer, phase } = view;
    this.element.dataset.state = phase;
    this.element.dataset.direction = view.outgoing ? 'out' : 'in';
    this.element.dataset.bytesDone = String(view.bytesDone);
    this.element.dataset.bytesResent = String(view.bytesResent);
    this.element.dataset.path = view.path ?? '';
    this.name.textContent = transfer.file.name;
    this.name.dir = 'auto';
    const other = view.outgoing ? transfer.receiverId : transfer.senderId;
    bindText(this.direction, view.outgoing ? 'files.outgoing' : 'files.incoming', { name: this.act.nameOf(other) });
    bindText(this.state, `files.phase.${phase}` as MessageKey);
    this.bar.max = Math.max(1, transfer.file.size);
    this.bar.value = view.bytesDone;
    this.bar.setAttribute('aria-label', transfer.file.name);
    const parts: string[] = [`${formatBytes(view.bytesDone)} / ${formatBytes(transfer.file.size)}`];
    if (phase === 'running' && view.bytesPerSecond > 0) {
      parts.push(`${formatBytes(view.bytesPerSecond)}/s`);
      if (view.secondsLeft !== null) parts.push(formatDuration(view.secondsLeft * 1000));
    }
    this.figures.textContent = parts.join(' · ');
    this.path.hidden = view.path === null;
    if (view.path) bindText(this.path, view.path === 'p2p' ? 'files.pathP2p' : 'files.pathRelay');
    this.hash.hidden = transfer.sha256 === null;
    if (transfer.sha256) bindText(this.hash, 'files.sha256', { hash: transfer.sha256 });
    this.reason.hidden = !(phase === 'failed' && transfer.reason);
    if (phase === 'failed' && transfer.reason) bindText(this.reason, errorKey(transfer.reason), { code: transfer.reason });
    replaceChildren(this.actions, this.buttons(view));
  }

  private buttons(view: TransferView): HTMLElement[] {
    const { phase } = view;
    const id = this.transferId;
    const button = (key: MessageKey, testId: string, onClick: () => void, primary = false): HTMLButtonElement =>
      h('button', { className: `btn ${primary ? 'btn-primary' : 'btn-secondary'} btn-small`, testId, i18n: key, attrs: { type: 'button' }, on: { click: onClick } });
    const buttons: HTMLElement[] = [];
    if (!view.outgoing && phase === 'offered') {
      buttons.push(button('files.download', 'file-accept', () => this.act.accept(id), true), button('files.decline', 'file-decline', () => this.act.decline(id)));
    }
    if (phase === 'needs-file') {
      const input = h('input', { className: 'visually-hidden', testId: 'file-reselect-input', attrs: { type: 'file', tabindex: -1, 'aria-hidden': 'true' } });
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        if (file) this.act.reselect(id, file);
      });
      buttons.push(h('p', { className: 'file-hint', i18n: 'files.reselectHint', params: { file: view.transfer.file.name } }), input, button('files.reselect', 'file-reselect', () => input.click(), true));
    }
    if (['awaiting-consent', 'offered', 'connecting', 'running', 'paused', 'needs-file'].includes(phase) && !(phase === 'offered' && !view.outgoing)) {
      buttons.push(button('files.cancel', 'file-cancel', () => this.act.cancel(id)));
    }
    if (!view.outgoing && phase === 'verified') buttons.push(button('files.saveAgain', 'file-save', () => this.act.save(id)));
    return buttons;
  }
}
