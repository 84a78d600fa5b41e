import { rtpParameters } from './rtp-parameters';
import type { TestClient } from './signaling-client';

/** The agent asks to view, the customer allows (unless granted already) and publishes a screen; returns its producer id. */
export async function shareScreen(agent: TestClient, customer: TestClient, sessionId: string, customerId: string): Promise<string> {
  const asked = await agent.call('consent:ask', { sessionId, activity: 'view-desktop', customerId });
  if (asked.status === 'pending') await customer.call('consent:answer', { sessionId, requestId: asked.id, granted: true });
  const transport = await customer.call('media:create-transport', { sessionId, direction: 'send' });
  const { producerId } = await customer.call('media:produce', {
    sessionId, transportId: transport.id, kind: 'video', source: 'screen', rtpParameters: rtpParameters('video'),
  });
  return producerId;
}
