import type { Device, types } from 'mediasoup-client';
import { DisplaySurfaceSchema, MediaSourceSchema } from '@rs/signaling';
import type { MediaSignaling } from './media-session';
import { toTransportOptions, toWire } from './mediasoup-params';

export type Direction = 'send' | 'recv';

/**
 * Creates a transport on the server and its mediasoup-client twin, wired so
 * the twin's `connect` and `produce` events become signaling requests.
 */
export async function createSignaledTransport(
  device: Device,
  signaling: MediaSignaling,
  direction: Direction,
): Promise<types.Transport> {
  const sessionId = signaling.sessionId;
  const options = toTransportOptions(await signaling.request('media:create-transport', { sessionId, direction }));
  const transport = direction === 'send' ? device.createSendTransport(options) : device.createRecvTransport(options);
  transport.on('connect', ({ dtlsParameters }, callback, errback) => {
    signaling
      .request('media:connect-transport', { sessionId, transportId: transport.id, dtlsParameters: toWire(dtlsParameters) })
      .then(() => callback(), errback);
  });
  transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
    const source = MediaSourceSchema.catch('screen').parse(appData.source);
    const surface = DisplaySurfaceSchema.optional().catch(undefined).parse(appData.surface);
    signaling
      .request('media:produce', { sessionId, transportId: transport.id, kind, source, ...(surface ? { surface } : {}), rtpParameters: toWire(rtpParameters) })
      .then(({ producerId }) => callback({ id: producerId }), errback);
  });
  return transport;
}
