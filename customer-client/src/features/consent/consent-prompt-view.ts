import type { ConsentRequest } from '@rs/signaling';
import { ModalDialog, h } from '@rs/web-common';

export interface ConsentPromptHandlers {
  allow: (request: ConsentRequest) => void;
  deny: (request: ConsentRequest) => void;
  requesterName: (request: ConsentRequest) => string;
}

/** The consent modal (R2.1): says what the agent asks; Allow has focus, Escape denies. */
export class ConsentPromptView {
  private dialog: ModalDialog | null = null;
  private requestId: string | null = null;

  constructor(private readonly handlers: ConsentPromptHandlers) {}

  show(request: ConsentRequest): void {
    this.hide();
    this.requestId = request.id;
    this.dialog = new ModalDialog({
      testId: 'consent-prompt',
      title: 'consent.title',
      body: [
        h('p', { className: 'consent-question', testId: 'consent-text', i18n: 'consent.viewDesktop', params: { name: this.handlers.requesterName(request) } }),
        h('p', { className: 'consent-explain', i18n: 'consent.explain' }),
      ],
      actions: [
        { i18n: 'consent.deny', testId: 'consent-deny', variant: 'secondary', onSelect: () => this.handlers.deny(request) },
        { i18n: 'consent.allow', testId: 'consent-allow', variant: 'primary', onSelect: () => this.handlers.allow(request) },
      ],
      defaultAction: 1,
      onEscape: () => this.handlers.deny(request),
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
