import { isSafeFileName } from '@rs/signaling';
import type { FsEntry } from '@rs/signaling';
import { ModalDialog, append, bindText, formatBytes, h, type MessageKey } from '@rs/web-common';
import type { FolderBrowser } from './folder-browser';

const STATE_KEYS: Record<FolderBrowser['state'], MessageKey> = {
  none: 'folder.state.none',
  asked: 'folder.state.asked',
  granted: 'folder.state.granted',
  declined: 'folder.state.declined',
  unsupported: 'folder.state.unsupported',
};

/**
 * Folder mode in the agent's Files panel (R7.2): the customer's folder beside mine, each entry a row
 * of real buttons (Tab/Enter/Space), folder names open the folder, and one status line (aria-live)
 * saying what completed or why not. Mount `element` into the Files panel (mountFolderBrowser).
 */
export class FolderBrowserView {
  readonly element: HTMLElement;
  private readonly stateLine: HTMLElement;
  private readonly askButton: HTMLButtonElement;
  private readonly remote: HTMLElement;
  private readonly localPane: HTMLElement;
  private readonly statusLine: HTMLElement;
  private readonly progressRow: HTMLElement;
  private readonly progressBar: HTMLProgressElement;

  constructor(private readonly browser: FolderBrowser) {
    this.stateLine = h('p', { className: 'folder-state', testId: 'folder-state' });
    this.askButton = h('button', { className: 'btn btn-secondary', testId: 'folder-ask', i18n: 'folder.ask', attrs: { type: 'button' }, on: { click: () => void browser.ask() } });
    this.remote = h('section', { className: 'folder-pane', testId: 'folder-remote' });
    this.localPane = h('section', { className: 'folder-pane', testId: 'folder-local' });
    this.statusLine = h('p', { className: 'folder-status', testId: 'folder-status', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.progressBar = h('progress', { className: 'folder-progress-bar', testId: 'folder-progress', i18nAttrs: { 'aria-label': 'folder.progress.label' }, attrs: { max: 1, value: 0 } });
    // Cancel stops every folder transfer still running (both ways).
    this.progressRow = h('div', { className: 'folder-progress', attrs: { hidden: true } }, [
      this.progressBar,
      h('button', { className: 'btn btn-secondary btn-small', testId: 'folder-cancel', i18n: 'folder.cancelAll', attrs: { type: 'button' }, on: { click: () => void browser.cancelAll() } }),
    ]);
    this.element = h('div', { className: 'folder-browser', testId: 'folder-browser' }, [
      h('h3', { className: 'folder-title', i18n: 'folder.title' }),
      h('div', { className: 'folder-head' }, [this.stateLine, this.askButton]),
      h('div', { className: 'folder-panes' }, [this.remote, this.localPane]),
      this.progressRow,
      this.statusLine,
    ]);
    browser.events.on('changed', () => this.render());
    this.render();
  }

  render(): void {
    const b = this.browser;
    bindText(this.stateLine, STATE_KEYS[b.state], { name: b.rootName ?? '' });
    this.askButton.hidden = b.state === 'granted' || b.state === 'asked';
    this.element.setAttribute('aria-busy', String(b.busy));
    this.renderRemote();
    this.renderLocal();
    const progress = b.progress;
    this.progressRow.hidden = progress === null;
    if (progress) {
      this.progressBar.max = Math.max(progress.total, 1);
      this.progressBar.value = progress.done;
    }
    if (b.status) {
      bindText(this.statusLine, b.status.key, b.status.params);
      this.statusLine.dataset.tone = b.status.tone;
    } else {
      this.statusLine.textContent = '';
    }
  }

  private renderRemote(): void {
    const b = this.browser;
    this.remote.replaceChildren();
    if (b.state !== 'granted') return;
    const path = ['', ...b.remotePath].join('/') || '/';
    append(this.remote, [
      h('h4', { i18n: 'folder.customerSide', params: { path: `${b.rootName ?? ''}${path === '/' ? '' : path}` } }),
      h('div', { className: 'folder-toolbar' }, [
        this.button('folder.up', 'folder-remote-up', () => void b.openRemote(b.remotePath.slice(0, -1)), b.remotePath.length === 0),
        this.button('folder.refresh', 'folder-remote-refresh', () => void b.openRemote(b.remotePath)),
        this.button('folder.mkdir', 'folder-mkdir', () => this.askName('folder.mkdir', '', (name) => void b.mkdir(name))),
      ]),
      b.skipped > 0 ? h('p', { className: 'field-hint', testId: 'folder-skipped', i18n: 'folder.skipped', params: { count: b.skipped } }) : null,
      this.list(b.remoteEntries, 'folder-remote-entry', (entry) => [
        this.button('folder.fetch', 'folder-fetch', () => void b.fetch(entry.name)),
        this.button('folder.rename', 'folder-rename', () => this.askName('folder.rename', entry.name, (to) => void b.rename(entry.name, to))),
        this.button('folder.delete', 'folder-delete', () => void b.remove(entry.name)),
      ], (entry) => void b.openRemote([...b.remotePath, entry.name])),
    ]);
  }

  private renderLocal(): void {
    const b = this.browser;
    this.localPane.replaceChildren();
    if (b.state !== 'granted') return;
    if (!b.localSupported) {
      this.localPane.append(h('p', { className: 'field-hint', i18n: 'folder.localUnsupported' }));
      return;
    }
    append(this.localPane, [
      h('h4', { i18n: 'folder.localSide', params: { path: b.local ? [b.local.name, ...b.localPath].join('/') : '' } }),
      h('div', { className: 'folder-toolbar' }, [
        this.button('folder.chooseLocal', 'folder-choose-local', () => void b.chooseLocal()),
        this.button('folder.up', 'folder-local-up', () => void b.openLocal(b.localPath.slice(0, -1)), !b.local || b.localPath.length === 0),
      ]),
      b.local ? null : h('p', { className: 'field-hint', testId: 'folder-local-none', i18n: 'folder.localNone' }),
      b.local ? this.list(b.localEntries, 'folder-local-entry', (entry) => [this.button('folder.send', 'folder-send', () => void b.sendLocal(entry.name))], (entry) => void b.openLocal([...b.localPath, entry.name])) : null,
    ]);
  }

  private list(entries: readonly FsEntry[], testId: string, actions: (entry: FsEntry) => HTMLElement[], open: (entry: FsEntry) => void): HTMLElement {
    if (entries.length === 0) return h('p', { className: 'folder-empty', i18n: 'folder.empty' });
    return h(
      'ul',
      { className: 'folder-entries' },
      entries.map((entry) =>
        h('li', { className: `folder-entry is-${entry.kind}`, testId, attrs: { 'data-name': entry.name } }, [
          entry.kind === 'directory'
            ? h('button', { className: 'btn-link folder-open', testId: 'folder-open', userText: `${entry.name}/`, attrs: { type: 'button' }, on: { click: () => open(entry) } })
            : h('span', { className: 'folder-file', userText: entry.name }),
          h('span', { className: 'folder-size', text: entry.size === null ? '' : formatBytes(entry.size) }),
          h('span', { className: 'folder-actions' }, actions(entry)),
        ]),
      ),
    );
  }

  private button(key: MessageKey, testId: string, onClick: () => void, disabled = false): HTMLButtonElement {
    return h('button', { className: 'btn btn-secondary btn-small', testId, i18n: key, attrs: { type: 'button', disabled }, on: { click: onClick } });
  }

  /** A name for a new folder or a rename: refused in place unless it is a safe file name. */
  private askName(title: MessageKey, initial: string, done: (name: string) => void): void {
    const input = h('input', { testId: 'folder-name-input', attrs: { type: 'text', value: initial, maxlength: 255, 'aria-invalid': 'false' } });
    const hint = h('p', { className: 'field-hint', i18n: 'folder.error.INVALID_FILE_NAME', attrs: { hidden: true } });
    const valid = () => {
      const ok = isSafeFileName(input.value) && input.value !== initial;
      input.setAttribute('aria-invalid', String(!ok));
      hint.hidden = ok;
      return ok;
    };
    const dialog = new ModalDialog({
      testId: 'folder-name-dialog',
      title,
      body: [h('label', { i18n: 'folder.newName' }), input, hint],
      actions: [
        { i18n: 'common.cancel', testId: 'folder-name-cancel', variant: 'secondary', onSelect: () => undefined },
        { i18n: title, testId: 'folder-name-ok', variant: 'primary', validate: valid, onSelect: () => done(input.value) },
      ],
      defaultAction: 1,
      onEscape: () => undefined,
    });
    dialog.open();
    input.focus();
    input.select();
  }
}
