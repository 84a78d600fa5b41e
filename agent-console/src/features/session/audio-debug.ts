import type { AgentSession } from './agent-session';

/** Inbound audio counters of each consumed microphone (tests read them to see whose voice arrives). */
export async function inboundAudio(session: AgentSession): Promise<{ producerId: string; participantId: string; packetsReceived: number; totalSamplesReceived: number }[]> {
  const out: { producerId: string; participantId: string; packetsReceived: number; totalSamplesReceived: number }[] = [];
  for (const producerId of session.voice.remoteProducerIds()) {
    const report = await session.voice.remoteStats(producerId);
    let packetsReceived = 0;
    let totalSamplesReceived = 0;
    report?.forEach((entry: unknown) => {
      const record = entry as Record<string, unknown>;
      if (record.type !== 'inbound-rtp' || record.kind !== 'audio') return;
      packetsReceived = typeof record.packetsReceived === 'number' ? record.packetsReceived : 0;
      totalSamplesReceived = typeof record.totalSamplesReceived === 'number' ? record.totalSamplesReceived : 0;
    });
    out.push({ producerId, participantId: session.producers.get(producerId)?.participantId ?? '', packetsReceived, totalSamplesReceived });
  }
  return out;
}
