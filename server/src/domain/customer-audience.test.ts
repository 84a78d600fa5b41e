import type { ProducerInfo, VoiceState } from '@rs/signaling';
import type { Notifier } from './notifier';
import type { SessionStore } from '../store/session-store';
import { CustomerAudience, voiceWithout } from './customer-audience';

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

});

describe('which producers a customer may receive', () => {
  const producer = (participantId: string, source: ProducerInfo['source'] = 'mic'): ProducerInfo =>
    ({ producerId: `p-${participantId}-${source}`, participantId, source, kind: source === 'mic' ? 'audio' : 'video', surface: null, paused: false });
  const people = [
    { id: 'agent', role: 'agent' as const }, { id: 'sup', role: 'supervisor' as const },
    { id: 'ada', role: 'customer' as const }, { id: 'ben', role: 'customer' as const },
  ];
  const all = [producer('agent'), producer('agent', 'screen'), producer('sup'), producer('ada', 'screen'), producer('ada'), producer('ben', 'screen')];
  // These decisions read no store and send nothing.
  const audience = (customersSeeOtherScreens: boolean) => new CustomerAudience({} as SessionStore, {} as Notifier, false, customersSeeOtherScreens);
  const ids = (list: ProducerInfo[]) => list.map((p) => p.producerId);

  it('a customer gets the staff\'s media (not a hidden supervisor\'s), their own screen, and no other customer\'s screen by default', () => {
    expect(ids(audience(false).visibleProducers(people[2]!, all, people))).toEqual(['p-agent-mic', 'p-agent-screen', 'p-ada-screen', 'p-ada-mic']);
  });
  it('the site setting lets customers see each other\'s screens', () => {
    expect(ids(audience(true).visibleProducers(people[3]!, all, people))).toEqual(['p-agent-mic', 'p-agent-screen', 'p-ada-screen', 'p-ada-mic', 'p-ben-screen']);
  });
  it('staff receive everything', () => expect(ids(audience(false).visibleProducers(people[0]!, all, people))).toEqual(ids(all)));
});
