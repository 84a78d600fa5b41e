import type { SignalingClient } from '../connection/signaling-client';
import type { SessionChannel } from '../session/session-channel';
import { StatusLine } from './status-line';

/** Tells the user when the connection drops (or the session's join waits for the server's store), and hides once it is back. */
export function createConnectionBanner(signaling: SignalingClient, channel?: SessionChannel): HTMLElement {
  const line = new StatusLine('connection-status', 'connection-banner');
  signaling.connection.on('connected', () => line.clear());
  signaling.connection.on('reconnecting', () => line.show('connection.reconnecting', 'warning', undefined, 'reconnecting'));
  signaling.connection.on('failed', () => line.show('connection.failed', 'error', undefined, 'failed'));
  channel?.events.on('join-retrying', () => line.show('error.storeUnavailable', 'warning', undefined, 'store-unavailable'));
  channel?.events.on('snapshot', () => line.clear());
  return line.element;
}
