import type { ProducerInfo, VoiceState } from '@rs/signaling';
import { producersWithout, voiceWithout } from './customer-audience';

const hidden = new Set(['sup']);

describe('what customers see of hidden participants', () => {
  it('voice: hidden members and a hidden microphone holder disappear', () => {
    const state: VoiceState = {
      sessionId: 's', active: true, members: ['agent', 'sup', 'cust'], micHolderId: 'sup', floor: ['agent', 'sup'], muted: [{ participantId: 'sup', by: 'self' }],
    };
    expect(voiceWithout(state, hidden)).toEqual({ sessionId: 's', active: true, members: ['agent', 'cust'], micHolderId: null, floor: ['agent'], muted: [] });
  });

  it('voice: the same object when nobody is hidden in it (nothing to split)', () => {
    const state: VoiceState = { sessionId: 's', active: true, members: ['agent', 'cust'], micHolderId: 'cust', floor: ['agent', 'cust'], muted: [] };
    expect(voiceWithout(state, hidden)).toBe(state);
  });

  it('producers of hidden participants are left out', () => {
    const producer = (participantId: string): ProducerInfo => ({ producerId: `p-${participantId}`, participantId, source: 'mic', kind: 'audio', surface: null, paused: false });
    expect(producersWithout([producer('agent'), producer('sup')], hidden).map((p) => p.participantId)).toEqual(['agent']);
  });
});
