import type { types } from 'mediasoup';

/** Which simulcast layer a viewer's consumer forwards: the full-size one, or the lowest. */
export type ViewLayer = 'top' | 'low';

/**
 * Sets a consumer's preferred spatial layer. With none set mediasoup forwards
 * the highest layer the viewer's bandwidth allows; 'low' pins the lowest.
 */
export async function preferViewLayer(consumer: types.Consumer, producer: types.Producer, layer: ViewLayer): Promise<void> {
  if (consumer.type !== 'simulcast') return;
  const top = Math.max(0, producer.rtpParameters.encodings?.length ?? 1) - 1;
  await consumer.setPreferredLayers({ spatialLayer: layer === 'top' ? top : 0 });
}
