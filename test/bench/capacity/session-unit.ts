import type { TrackSpec } from './generator-protocol';

/**
 * The unit of load, one support session: the customer publishes the screen (VP8,
 * three simulcast layers as the customer app sends a 1080p screen) and a microphone
 * (Opus); the agent publishes a microphone; the agent receives the screen (top
 * layer) and the customer's voice; the customer receives the agent's voice.
 */
export const SCREEN_PAYLOAD_TYPE = 96;
export const MIC_PAYLOAD_TYPE = 111;
export const SCREEN_LAYERS = 3;

/** Every session's SSRCs are its own (the SFU tells streams apart by SSRC, no header extensions are negotiated). */
export function sessionSsrcs(session: number) {
  const base = 100_000 + session * 16;
  return { screen: [base + 1, base + 2, base + 3], customerMic: base + 5, agentMic: base + 6 };
}

export function customerSendTracks(session: number): TrackSpec[] {
  const ssrcs = sessionSsrcs(session);
  return [
    { mid: '0', kind: 'video', direction: 'send', payloadType: SCREEN_PAYLOAD_TYPE, ssrcs: ssrcs.screen, stream: 'screen' },
    { mid: '1', kind: 'audio', direction: 'send', payloadType: MIC_PAYLOAD_TYPE, ssrcs: [ssrcs.customerMic], stream: 'mic' },
  ];
}

export function agentSendTracks(session: number): TrackSpec[] {
  return [{ mid: '0', kind: 'audio', direction: 'send', payloadType: MIC_PAYLOAD_TYPE, ssrcs: [sessionSsrcs(session).agentMic], stream: 'mic' }];
}

/** Peer names in the generator: `<target>/<session>/<role>`. */
export const peerName = (target: string, session: number, role: 'customer-send' | 'customer-recv' | 'agent-send' | 'agent-recv') => `${target}/${session}/${role}`;

/** Packets per second one session puts through an SFU at the clip's rates: in (3 layers + 2 mics), out (top layer + 2 mics). */
export interface SessionRates {
  inPerSecond: number;
  outPerSecond: number;
}
