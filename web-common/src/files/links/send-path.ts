import type { TransferPath } from '@rs/signaling';
import type { TypedEmitter } from '../../util/typed-emitter';

export type SendPathEvents = {
  /** The path can no longer carry frames (the other page went away, ICE failed, the server closed it). */
  closed: [];
};

/** Data a page keeps queued in a channel at most before it waits (the browser throws past 16 MiB). */
export const HIGH_WATER_BYTES = 8 * 1024 * 1024;
export const LOW_WATER_BYTES = 2 * 1024 * 1024;

/** Where a sender writes frames towards one participant: a peer-to-peer or a relayed data channel. */
export interface SendPath {
  readonly path: TransferPath;
  readonly events: TypedEmitter<SendPathEvents>;
  readonly open: boolean;
  /** Resolves when the channel's bufferedAmount fell below the low-water mark (flow control). */
  writable(): Promise<void>;
  send(frame: Uint8Array<ArrayBuffer>): void;
}

/** A channel with bufferedAmount flow control (RTCDataChannel or a mediasoup-client DataProducer). */
export interface BufferedChannel {
  readonly bufferedAmount: number;
  bufferedAmountLowThreshold: number;
}

/**
 * Waits until `channel` drained below the low-water mark; `onLow` registers the bufferedamountlow
 * listener and returns its removal; `isOpen` stops waiting when the channel closed.
 */
export function waitDrained(channel: BufferedChannel, onLow: (listener: () => void) => () => void, isOpen: () => boolean): Promise<void> {
  if (channel.bufferedAmount < HIGH_WATER_BYTES || !isOpen()) return Promise.resolve();
  channel.bufferedAmountLowThreshold = LOW_WATER_BYTES;
  return new Promise((resolve) => {
    const check = setInterval(() => {
      if (channel.bufferedAmount <= LOW_WATER_BYTES || !isOpen()) done();
    }, 250);
    const off = onLow(() => done());
    function done(): void {
      clearInterval(check);
      off();
      resolve();
    }
  });
}
