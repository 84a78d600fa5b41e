import type { MessageKey, StatusTone } from '@rs/web-common';
import type { ViewRequestStatus } from './view-request-manager';

export interface ViewStatusLine {
  key: MessageKey;
  tone: StatusTone;
  /** Also in `data-state`, for tests and styling. */
  state: string;
}

/** What the agent reads about "view desktop", from the request, the screen and who is there. */
export function describeViewStatus(input: { hasCustomer: boolean; request: ViewRequestStatus; viewing: boolean }): ViewStatusLine {
  if (input.viewing) return { key: 'view.status.viewing', tone: 'success', state: 'viewing' };
  switch (input.request) {
    case 'pending':
      return { key: 'view.status.pending', tone: 'progress', state: 'pending' };
    case 'granted':
      return { key: 'view.status.granted', tone: 'progress', state: 'granted' };
    case 'denied':
      return { key: 'view.status.denied', tone: 'warning', state: 'denied' };
    case 'failed':
      return { key: 'view.status.failed', tone: 'error', state: 'failed' };
    case 'ended':
      return { key: 'view.status.ended', tone: 'info', state: 'ended' };
    default:
      return input.hasCustomer
        ? { key: 'view.status.idle', tone: 'info', state: 'idle' }
        : { key: 'view.status.noCustomer', tone: 'info', state: 'no-customer' };
  }
}
