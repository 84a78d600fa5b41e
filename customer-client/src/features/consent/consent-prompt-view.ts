import type { ConsentActivity, ConsentRequest, DisplaySurface } from '@rs/signaling';
import { ModalDialog, h, type MessageKey } from '@rs/web-common';

export interface ConsentPromptHandlers {
  allow: (request: ConsentRequest, grantAll: boolean) => void;
  deny: (request: ConsentRequest) => void;
  requesterName: (request: ConsentRequest) => string;
}

const QUESTIONS: Record<ConsentActivity, MessageKey> = {
  'view-desktop': 'consent.viewDesktop',
  'control-desktop': 'consent.controlDesktop',
  'file-transfer': 'consent.fileTransfer',
  'system-info': 'consent.systemInfo',
  recording: 'consent.recording',
};

/** What the agent asked to view (whole desktop, a window, the browser tab). */
const SURFACE_QUESTIONS: Record<DisplaySurface, MessageKey> = {
  monitor: 'consent.viewMonitor',
  window: 'consent.viewWindow',
  browser: 'consent.viewBrowser',
};

/**
 * The consent modal (R2.1): says what the agent asks, offers "grant all for
 * this session" (R2.2); Allow has focus, Escape denies.
 */
export class ConsentPromptView {
  private dialog: ModalDialog | null = null;
  private requestId: string | null = null;

  constructor(private readonly handlers: ConsentPromptHandlers) {}

  show(request: ConsentRequest): void {
    this.hide();
    this.requestId = request.id;
    const grantAll = h('input', { testId: 'consent-grant-all', attrs: { type: 'checkbox', id: `grant-all-${request.id}` } });
    this.dialog = new ModalDialog({
      testId: 'consent-prompt',
      title: 'consent.title',
      body: [
        h('p', { className: 'consent-question', testId: 'consent-text', i18n: request.activity === 'view-desktop' && request.surface ? SURFACE_QUESTIONS[request.surface] : QUESTIONS[request.activity], attrs: { 'data-surface': request.surface ?? '' }, params: { name: this.handlers.requesterName(request) } }),
        request.activity === 'view-desktop' ? h('p', { className: 'consent-explain', i18n: 'consent.explain' }) : null,
        request.activity === 'control-desktop' ? h('p', { className: 'consent-explain', testId: 'consent-control-explain', i18n: 'consent.controlExplain' }) : null,
        h('div', { className: 'consent-grant-all' }, [
          grantAll,
          h('label', { i18n: 'consent.grantAll', attrs: { for: grantAll.id } }),
        ]),
        h('p', { className: 'field-hint', i18n: 'consent.revokeHint' }),
      ],
      actions: [
        { i18n: 'consent.deny', testId: 'consent-deny', variant: 'secondary', onSelect: () => this.handlers.deny(request) },
        { i18n: 'consent.allow', testId: 'consent-allow', variant: 'primary', onSelect: () => this.handlers.allow(request, grantAll.checked) },
      ],
      defaultAction: 1,
      onEscape: () => this.handlers.deny(request),
    });
    this.dialog.open();
  }

  /** Tells the customer this browser cannot do what the agent asked (the agent was told too); only OK. */
  showUnsupported(request: ConsentRequest): void {
    this.hide();
    this.requestId = request.id;
    this.dialog = new ModalDialog({
      testId: 'consent-unsupported',
      title: 'consent.unsupportedTitle',
      body: [h('p', { className: 'consent-question', testId: 'consent-unsupported-text', i18n: 'consent.unsupportedScreen', params: { name: this.handlers.requesterName(request) } })],
      actions: [{ i18n: 'consent.unsupportedOk', testId: 'consent-unsupported-ok', variant: 'primary', onSelect: () => this.hide() }],
      defaultAction: 0,
      onEscape: () => this.hide(),
    });
    this.dialog.open();
  }

  /** Hides the prompt for `requestId` (or whatever is shown when omitted). */
  hide(requestId?: string): void {
    if (requestId !== undefined && requestId !== this.requestId) return;
    this.dialog?.close();
    this.dialog = null;
    this.requestId = null;
  }
}
