import { KeyComboSchema } from '@rs/signaling';
import type { KeyCombo } from '@rs/signaling';
import { formatClockTime } from '../format/clock-time';
import { bindText } from '../i18n/translate-dom';
import { h } from '../ui/dom';
import { StatusLine } from '../ui/status-line';
import type { ControlManager } from './control-manager';
import { describeControl } from './control-status';

export interface ControlPanelOptions {
  control: ControlManager;
  selfId: () => string | null;
  nameOf: (participantId: string | null) => string;
  /** The agent in control may stop control they neither drive nor host. */
  mayStop: () => boolean;
  /** Failures the page shows elsewhere (toasts). */
  onError: (key: 'control.failed' | 'control.clipboardFailed') => void;
}

/**
 * Remote control, in one panel for every side: where it stands (who controls,
 * paused and why), Stop control whenever it runs, the helper download and code
 * for the person whose desktop is driven, and special keys and clipboard for
 * the controller.
 */
export class ControlPanelView {
  readonly element: HTMLElement;
  private readonly status = new StatusLine('control-state', 'control-state');
  private readonly stopButton: HTMLButtonElement;
  private readonly pairing: HTMLElement;
  private readonly download: HTMLAnchorElement;
  private readonly code: HTMLElement;
  private readonly expiry: HTMLElement;
  private readonly tools: HTMLElement;
  private readonly comboSelect: HTMLSelectElement;
  private readonly clipboardText: HTMLTextAreaElement;

  constructor(private readonly options: ControlPanelOptions) {
    const { control } = options;
    this.stopButton = h('button', {
      className: 'btn btn-danger', testId: 'control-stop', i18n: 'control.stop', attrs: { type: 'button' },
      on: { click: () => void this.run(() => control.stop(), 'control.failed') },
    });
    this.download = h('a', { className: 'btn btn-primary', testId: 'helper-download', i18n: 'control.download', attrs: { download: 'remote-support-helper' } });
    this.code = h('strong', { className: 'helper-code', testId: 'helper-code' });
    this.expiry = h('p', { className: 'field-hint', testId: 'helper-expiry' });
    this.pairing = h('div', { className: 'helper-pairing', testId: 'helper-pairing' }, [
      h('p', { className: 'consent-explain', i18n: 'control.helperExplain' }),
      this.download,
      h('p', {}, [h('span', { i18n: 'control.codeLabel' }), ' ', this.code]),
      h('p', { className: 'field-hint', i18n: 'control.howTo' }),
      this.expiry,
    ]);
    this.comboSelect = h(
      'select',
      { testId: 'control-combo', i18nAttrs: { 'aria-label': 'control.combos' } },
      KeyComboSchema.options.map((combo) => h('option', { i18n: `control.combo.${combo}`, attrs: { value: combo } })),
    );
    this.clipboardText = h('textarea', { testId: 'control-clipboard-text', i18nAttrs: { 'aria-label': 'control.clipboard', placeholder: 'control.clipboard' }, attrs: { rows: 2, maxlength: 32768 } });
    this.tools = h('div', { className: 'control-tools', testId: 'control-tools' }, [
      h('p', { className: 'field-hint', i18n: 'control.hint' }),
      h('div', { className: 'toolbar-actions' }, [
        this.comboSelect,
        h('button', { className: 'btn btn-secondary btn-small', testId: 'control-combo-send', i18n: 'control.sendCombo', attrs: { type: 'button' }, on: { click: () => control.combo(this.comboSelect.value as KeyCombo) } }),
      ]),
      this.clipboardText,
      h('div', { className: 'toolbar-actions' }, [
        h('button', { className: 'btn btn-secondary btn-small', testId: 'control-clipboard-send', i18n: 'control.clipboardSend', attrs: { type: 'button' }, on: { click: () => void this.run(() => control.clipboardWrite(this.clipboardText.value), 'control.clipboardFailed') } }),
        h('button', { className: 'btn btn-secondary btn-small', testId: 'control-clipboard-read', i18n: 'control.clipboardRead', attrs: { type: 'button' }, on: { click: () => void this.run(async () => void (this.clipboardText.value = await control.clipboardRead()), 'control.clipboardFailed') } }),
      ]),
    ]);
    this.element = h('section', { className: 'control-panel', testId: 'control-panel', attrs: { 'aria-live': 'polite' } }, [
      h('div', { className: 'toolbar-actions' }, [this.status.element, this.stopButton]),
      this.pairing,
      this.tools,
    ]);
    control.events.on('changed', () => this.render());
    this.render();
  }

  render(): void {
    const { control, selfId, nameOf, mayStop } = this.options;
    const state = control.state;
    const line = state ? describeControl(state, selfId()) : null;
    if (state && line) this.status.show(line.key, line.tone, { controller: nameOf(state.controllerId), target: nameOf(state.targetId) }, state.state);
    else this.status.clear();
    this.element.hidden = !line;
    this.stopButton.hidden = !(control.isController || control.isTarget || (control.running && mayStop()));
    const pairing = control.isTarget && state?.state === 'pairing' ? state.pairing : undefined;
    this.pairing.hidden = !pairing;
    if (pairing) {
      this.download.href = pairing.downloadPath;
      this.code.textContent = pairing.code.replace(/(\d{3})(?=\d)/g, '$1 ');
      this.code.dataset.code = pairing.code;
      bindText(this.expiry, 'control.expires', { time: formatClockTime(pairing.expiresAt) });
    }
    this.tools.hidden = !(control.isController && (state?.state === 'active' || state?.state === 'paused'));
  }

  private async run(action: () => Promise<void>, failure: 'control.failed' | 'control.clipboardFailed'): Promise<void> {
    try {
      await action();
    } catch (error) {
      console.warn('remote control request failed', error);
      this.options.onError(failure);
    }
  }
}
