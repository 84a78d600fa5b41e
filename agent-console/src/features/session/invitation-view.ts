import { ApiError, StatusLine, bindText, formatClockTime, formatSessionNumber, h, replaceChildren } from '@rs/web-common';
import { assistLinkFor } from '../assist/assist-link';
import { createCopyField } from './copy-field';
import type { Invitation } from './invitations';

/** What the view needs of its session: the number and link now, and a way to get a new number. */
export interface InvitationSource {
  readonly summary: { number: string };
  readonly invitation: Invitation;
  renewNumber(): Promise<void>;
}

/**
 * The session number, big and grouped (`123 456 789`), the customer's join link with its
 * expiry hint, and the link that invites another agent as assistant (R1.3). An unused number
 * expires: the hint turns into "expired" at that moment, with a New number button.
 */
export class InvitationView {
  readonly element: HTMLElement;
  private readonly body = h('div', { className: 'invitation-body' });
  private readonly expiry = h('p', { className: 'field-hint', testId: 'number-expiry' });
  private readonly renewButton: HTMLButtonElement;
  private readonly status = new StatusLine('renew-status', 'field-hint');
  /** Number and join link now on screen (the socket may bring the new number before the REST answer brings the link). */
  private shown = '';
  private customerPresent = false;
  private expiryTimer: number | undefined;

  constructor(private readonly source: InvitationSource) {
    this.renewButton = h('button', {
      className: 'btn btn-primary btn-small',
      testId: 'renew-number',
      i18n: 'invite.renew',
      attrs: { type: 'button' },
      on: { click: () => void this.renew() },
    });
    this.element = h('section', { className: 'panel invitation', testId: 'invitation' }, [
      h('h2', { className: 'panel-title', i18n: 'invite.title' }),
      this.body,
      h('div', { className: 'invitation-expiry' }, [this.expiry, this.renewButton]),
      this.status.element,
    ]);
    this.render();
  }

  /** The expiry only matters until someone has joined. */
  setCustomerPresent(present: boolean): void {
    this.customerPresent = present;
    this.render();
  }

  dispose(): void {
    window.clearTimeout(this.expiryTimer);
  }

  private render(): void {
    const { number } = this.source.summary;
    if (`${number} ${this.source.invitation.joinUrl}` !== this.shown) this.renderNumber(number);
    const expiresAt = this.source.invitation.numberExpiresAt;
    const expired = expiresAt !== 0 && Date.now() >= expiresAt;
    this.expiry.hidden = this.customerPresent || expiresAt === 0;
    this.renewButton.hidden = this.customerPresent || !expired;
    if (expiresAt !== 0) bindText(this.expiry, expired ? 'invite.expired' : 'invite.expires', expired ? undefined : { time: formatClockTime(expiresAt) });
    this.expiry.dataset.expired = String(expired);
    window.clearTimeout(this.expiryTimer);
    // Re-rendered at the moment it expires: never an old expiry time on screen.
    if (!expired && expiresAt !== 0) this.expiryTimer = window.setTimeout(() => this.render(), Math.min(expiresAt - Date.now() + 50, 2 ** 31 - 1));
  }

  private renderNumber(number: string): void {
    this.shown = `${number} ${this.source.invitation.joinUrl}`;
    replaceChildren(this.body, [
      h('p', { className: 'invitation-label', i18n: 'invite.numberLabel' }),
      h('p', { className: 'session-number', testId: 'session-number', text: formatSessionNumber(number), attrs: { 'data-number': number } }),
      h('p', { className: 'field-hint', i18n: 'invite.instructions' }),
      createCopyField({ value: this.source.invitation.joinUrl, label: 'invite.linkLabel', copy: 'invite.copy', testId: 'join-link', copyTestId: 'copy-link' }),
      h('details', { className: 'assist-invite', testId: 'assist-invite' }, [
        h('summary', { i18n: 'invite.assistTitle' }),
        h('p', { className: 'field-hint', i18n: 'invite.assistInstructions' }),
        createCopyField({ value: assistLinkFor(number), label: 'invite.assistLink', copy: 'invite.copy', testId: 'assist-link', copyTestId: 'copy-assist-link' }),
      ]),
    ]);
  }

  private async renew(): Promise<void> {
    this.renewButton.disabled = true;
    this.status.show('invite.renewing', 'info');
    try {
      await this.source.renewNumber();
      this.render();
      this.status.show('invite.renewed', 'success', { number: formatSessionNumber(this.source.summary.number) });
      this.body.querySelector<HTMLElement>('[data-testid="session-number"]')?.setAttribute('tabindex', '-1');
      this.body.querySelector<HTMLElement>('[data-testid="session-number"]')?.focus();
    } catch (error) {
      this.status.show(error instanceof ApiError && error.code === 'NUMBER_IN_USE' ? 'invite.numberInUse' : 'invite.renewFailed', 'error');
    } finally {
      this.renewButton.disabled = false;
    }
  }
}
