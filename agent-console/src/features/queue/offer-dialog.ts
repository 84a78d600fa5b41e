import type { Offer, OfferWithdrawnEvent } from '@rs/signaling';
import { ModalDialog, bindText, h, onEverySecond, type MessageKey, type SignalingClient, type Toaster } from '@rs/web-common';
import { referrerLink } from './queue-entry-view';
import type { QueueManager } from './queue-manager';

const WITHDRAWN: Record<OfferWithdrawnEvent['reason'], MessageKey | null> = {
  timeout: 'offer.expired',
  declined: null,
  taken: 'offer.taken',
  abandoned: 'offer.gone',
};

/**
 * Automatic offers (R1.1 routing) and transfers to named agents (R1.5): a dialog
 * with the customer, the transfer message, a countdown, Accept and Decline. An
 * offer not answered in time moves on to the next agent (the server decides).
 */
export class OfferDialogs {
  private open: { offer: Offer; dialog: ModalDialog; stop: () => void } | null = null;

  constructor(
    private readonly signaling: SignalingClient,
    private readonly manager: QueueManager,
    private readonly toaster: Toaster,
  ) {
    signaling.on('queue:offer', (offer) => this.show(offer));
    signaling.on('queue:offer-withdrawn', (event) => {
      if (this.open?.offer.offerId !== event.offerId) return;
      this.dismiss();
      const message = WITHDRAWN[event.reason];
      if (message) toaster.show(message, undefined, 'info', 8000);
    });
  }

  dispose(): void {
    this.dismiss();
  }

  private show(offer: Offer): void {
    this.dismiss();
    const countdown = h('p', { className: 'offer-countdown', testId: 'offer-countdown', attrs: { 'aria-live': 'off' } });
    const { entry, transfer } = offer;
    const body = [
      h('p', { className: 'offer-name', i18n: 'offer.body', params: { name: entry.customerName } }),
      entry.problem ? h('p', { className: 'offer-problem', testId: 'offer-problem', userText: entry.problem }) : null,
      referrerLink(entry.referrer, 'offer-referrer'),
      transfer ? h('p', { className: 'transfer-note', i18n: 'intake.transferFrom', params: { name: transfer.fromAgentName } }) : null,
      transfer?.message ? h('blockquote', { className: 'transfer-message', testId: 'offer-transfer-message', userText: transfer.message }) : null,
      countdown,
    ];
    const dialog = new ModalDialog({
      testId: 'offer-dialog',
      title: transfer ? 'offer.transferTitle' : 'offer.title',
      body,
      actions: [
        { i18n: 'offer.decline', testId: 'offer-decline', variant: 'secondary', onSelect: () => void this.answer(offer, false) },
        { i18n: 'offer.accept', testId: 'offer-accept', variant: 'primary', onSelect: () => void this.answer(offer, true) },
      ],
      defaultAction: 1,
      onEscape: () => void this.answer(offer, false),
    });
    const stop = onEverySecond(() => {
      const seconds = Math.max(0, Math.ceil((offer.expiresAt - Date.now()) / 1000));
      countdown.dataset.seconds = String(seconds);
      bindText(countdown, 'offer.countdown', { seconds });
    });
    this.open = { offer, dialog, stop };
    dialog.open();
  }

  private dismiss(): void {
    if (!this.open) return;
    this.open.stop();
    this.open.dialog.close();
    this.open = null;
  }

  private async answer(offer: Offer, accept: boolean): Promise<void> {
    if (this.open?.offer.offerId === offer.offerId) this.dismiss();
    try {
      if (accept) this.manager.took(await this.signaling.request('offer:accept', { offerId: offer.offerId }));
      else await this.signaling.request('offer:decline', { offerId: offer.offerId });
    } catch (error) {
      console.warn('offer answer failed', error);
      if (accept) this.toaster.show('offer.failed', undefined, 'error');
    }
  }
}
