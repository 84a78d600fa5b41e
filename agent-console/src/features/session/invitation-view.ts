import { bindText, formatClockTime, formatSessionNumber, h } from '@rs/web-common';
import { assistLinkFor } from '../assist/assist-link';
import { createCopyField } from './copy-field';
import type { Invitation } from './invitations';

/**
 * The session number, big and grouped (`123 456 789`), the customer's join
 * link with its expiry hint, and the link that invites another agent as assistant (R1.3).
 */
export class InvitationView {
  readonly element: HTMLElement;
  private readonly expiry: HTMLElement;

  constructor(
    sessionNumber: string,
    private readonly invitation: Invitation,
  ) {
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
      createCopyField({ value: invitation.joinUrl, label: 'invite.linkLabel', copy: 'invite.copy', testId: 'join-link', copyTestId: 'copy-link' }),
      this.expiry,
      h('details', { className: 'assist-invite', testId: 'assist-invite' }, [
        h('summary', { i18n: 'invite.assistTitle' }),
        h('p', { className: 'field-hint', i18n: 'invite.assistInstructions' }),
        createCopyField({
          value: assistLinkFor(sessionNumber),
          label: 'invite.assistLink',
          copy: 'invite.copy',
          testId: 'assist-link',
          copyTestId: 'copy-assist-link',
        }),
      ]),
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
}
