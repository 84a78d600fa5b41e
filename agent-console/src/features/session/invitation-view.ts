import { bindText, formatClockTime, formatSessionNumber, h } from '@rs/web-common';
import type { Invitation } from './invitations';

const COPIED_FEEDBACK_MS = 2000;

/** The session number, big and grouped (`123 456 789`), the join link with Copy, and the expiry hint. */
export class InvitationView {
  readonly element: HTMLElement;
  private readonly expiry: HTMLElement;
  private readonly copyButton: HTMLButtonElement;
  private readonly link: HTMLInputElement;

  constructor(
    sessionNumber: string,
    private readonly invitation: Invitation,
  ) {
    this.link = h('input', {
      className: 'input join-link',
      testId: 'join-link',
      attrs: { type: 'text', readonly: true, id: `join-link-${sessionNumber}` },
      on: { focus: () => this.link.select() },
    });
    this.link.value = invitation.joinUrl;
    this.copyButton = h('button', {
      className: 'btn btn-secondary',
      testId: 'copy-link',
      i18n: 'invite.copy',
      attrs: { type: 'button' },
      on: { click: () => void this.copy() },
    });
    this.expiry = h('p', { className: 'field-hint', testId: 'number-expiry' });
    this.element = h('section', { className: 'panel invitation', testId: 'invitation' }, [
      h('h2', { className: 'panel-title', i18n: 'invite.title' }),
      h('p', { className: 'invitation-label', i18n: 'invite.numberLabel' }),
      h('p', {
        className: 'session-number',
        testId: 'session-number',
        text: formatSessionNumber(sessionNumber),
        attrs: { 'data-number': sessionNumber },
      }),
      h('p', { className: 'field-hint', i18n: 'invite.instructions' }),
      h('label', { className: 'invitation-label', i18n: 'invite.linkLabel', attrs: { for: this.link.id } }),
      h('div', { className: 'copy-row' }, [this.link, this.copyButton]),
      this.expiry,
    ]);
    this.renderExpiry();
  }

  /** The expiry only matters until someone has joined. */
  setCustomerPresent(present: boolean): void {
    this.expiry.hidden = present || this.invitation.numberExpiresAt === 0;
    this.renderExpiry();
  }

  private renderExpiry(): void {
    const expiresAt = this.invitation.numberExpiresAt;
    if (expiresAt === 0) {
      this.expiry.hidden = true;
      return;
    }
    if (Date.now() >= expiresAt) bindText(this.expiry, 'invite.expired');
    else bindText(this.expiry, 'invite.expires', { time: formatClockTime(expiresAt) });
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.invitation.joinUrl);
      bindText(this.copyButton, 'invite.copied');
    } catch {
      this.link.focus();
      this.link.select();
      bindText(this.copyButton, 'invite.copyFailed');
    }
    window.setTimeout(() => bindText(this.copyButton, 'invite.copy'), COPIED_FEEDBACK_MS);
  }
}
