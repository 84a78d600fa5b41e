import type { WaitStatus } from '@rs/signaling';
import { ApiError, StatusLine, type SignalingClient } from '@rs/web-common';

/**
 * The session was transferred (R1.5): the customer stays in it with the chat
 * history and is told they wait for the next agent (position when in a queue),
 * until that agent accepts. After a reload the server's `queue:status` tells again.
 */
export function createTransferWaitView(signaling: SignalingClient): HTMLElement {
  const line = new StatusLine('transfer-wait', 'transfer-wait');
  const show = (status: WaitStatus): void => {
    if (status.state !== 'waiting' && status.state !== 'offered') return line.clear();
    line.element.dataset.position = String(status.position);
    if (status.queueId === null) line.show('waiting.transferredToAgents', 'progress', undefined, 'waiting');
    else line.show('waiting.transferred', 'progress', undefined, 'waiting');
  };
  signaling.on('queue:transferred', ({ status }) => show(status));
  signaling.on('queue:status', show);
  signaling.on('queue:accepted', () => line.clear());
  signaling.connection.on('connected', () => {
    signaling.request('queue:status', {}).then(show, (error: unknown) => {
      // NOT_IN_QUEUE: this session is not being transferred.
      if (!(error instanceof ApiError)) console.warn('queue:status failed', error);
    });
  });
  return line.element;
}
