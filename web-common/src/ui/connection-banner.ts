import type { SignalingClient } from '../connection/signaling-client';
import { StatusLine } from './status-line';

/** Tells the user when the connection drops, and hides once it is back. */
export function createConnectionBanner(signaling: SignalingClient): HTMLElement {
  const line = new StatusLine('connection-status', 'connection-banner');
  signaling.connection.on('connected', () => line.clear());
  signaling.connection.on('reconnecting', () => line.show('connection.reconnecting', 'warning', undefined, 'reconnecting'));
  signaling.connection.on('failed', () => line.show('connection.failed', 'error', undefined, 'failed'));
  return line.element;
}
