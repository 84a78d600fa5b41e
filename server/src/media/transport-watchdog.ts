import type { types } from 'mediasoup';
import type { TransportClosedReason } from '@rs/signaling';

/**
 * Closes a WebRTC transport that cannot carry media, so an abandoned or failing
 * client never holds the node's ports: at once when DTLS fails, and after
 * `timeoutMs` while it is not connected (never connected since creation, or
 * ICE disconnected since). `onClosed` runs once, with why, after the close.
 */
export function watchTransport(
  transport: types.WebRtcTransport,
  timeoutMs: number,
  onClosed: (reason: TransportClosedReason) => void,
): void {
  let timer: NodeJS.Timeout | null = null;
  const stopTimer = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const closeFor = (reason: TransportClosedReason): void => {
    stopTimer();
    if (transport.closed) return;
    transport.close();
    onClosed(reason);
  };
  const isConnected = (): boolean =>
    transport.dtlsState === 'connected' && (transport.iceState === 'connected' || transport.iceState === 'completed');
  const review = (): void => {
    if (transport.closed) return stopTimer();
    if (transport.dtlsState === 'failed') return closeFor('failed');
    if (isConnected()) return stopTimer();
    timer ??= setTimeout(() => closeFor('timeout'), timeoutMs).unref();
  };

  transport.on('icestatechange', review);
  transport.on('dtlsstatechange', review);
  transport.observer.once('close', stopTimer);
  review();
}
