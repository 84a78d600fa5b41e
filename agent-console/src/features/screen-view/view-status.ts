import type { MessageKey, StatusTone } from '@rs/web-common';
import type { ViewRequestStatus } from './view-request-manager';

export interface ViewStatusLine {
  key: MessageKey;
  tone: StatusTone;
  /** Also in `data-state`, for tests and styling. */
  state: string;
}

export interface ViewStatusInput {
  hasCustomer: boolean;
  request: ViewRequestStatus;
  viewing: boolean;
  /** The latest request was granted without a prompt (the customer granted all actions, R2.2). */
  automatic: boolean;
  /** This console is the agent in control; others only watch. */
  inControl: boolean;
  /** The customer's granted share waits for their click (they reloaded the page). */
  waitingResume?: boolean;
  /** The customer's screen was lost to a fault and is coming back by itself. */
  recovering?: boolean;
}

/** What the staff member reads about "view desktop", from the request, the screen, who is there and who is in control. */
export function describeViewStatus(input: ViewStatusInput): ViewStatusLine {
  // A reloaded customer's last picture may still show (frozen) until the server drops it.
  if (input.request === 'granted' && input.waitingResume) return { key: 'view.status.waitingResume', tone: 'progress', state: 'waiting-resume' };
  if (input.viewing) {
    return { key: input.automatic ? 'view.status.viewingAutomatic' : 'view.status.viewing', tone: 'success', state: 'viewing' };
  }
  switch (input.request) {
    case 'pending':
      return { key: 'view.status.pending', tone: 'progress', state: 'pending' };
    case 'granted':
      if (input.recovering) return { key: 'view.status.recovering', tone: 'progress', state: 'recovering' };
      return { key: input.automatic ? 'view.status.grantedAutomatic' : 'view.status.granted', tone: 'progress', state: 'granted' };
    case 'denied':
      return { key: 'view.status.denied', tone: 'warning', state: 'denied' };
    case 'revoked':
      return { key: 'view.status.revoked', tone: 'warning', state: 'revoked' };
    case 'unsupported':
      return { key: 'view.status.unsupported', tone: 'warning', state: 'unsupported' };
    case 'cancelled':
      return { key: 'view.status.cancelled', tone: 'info', state: 'cancelled' };
    case 'failed':
      return { key: 'view.status.failed', tone: 'error', state: 'failed' };
    case 'ended':
      return { key: 'view.status.ended', tone: 'info', state: 'ended' };
    default:
      if (!input.hasCustomer) return { key: 'view.status.noCustomer', tone: 'info', state: 'no-customer' };
      return input.inControl
        ? { key: 'view.status.idle', tone: 'info', state: 'idle' }
        : { key: 'view.status.observer', tone: 'info', state: 'observer' };
  }
}
