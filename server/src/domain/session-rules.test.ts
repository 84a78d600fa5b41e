import type { ChatMessage, ConsentRequest } from '@rs/signaling';
import type { ParticipantRecord, SessionRecord } from '../store/session-store';
import {
  canSeeChat,
  findUsableGrant,
  refuseChatTo,
  refuseConsentAnswer,
  refuseConsentAsk,
  refuseEnd,
  refuseLeave,
  refuseStopShare,
} from './session-rules';

const session: SessionRecord = {
  id: 's1', number: '123456789', state: 'active', agentName: 'Ann', createdAt: 0, endedAt: null,
  agentId: 'ann', agentParticipantId: 'agent-1', endedBy: null,
};
const person = (id: string, role: ParticipantRecord['role'], leftAt: number | null = null): ParticipantRecord => ({
  id, role, displayName: id, connected: true, joinedAt: 0, leftAt, agentId: role === 'agent' ? 'ann' : null,
});
const agent = person('agent-1', 'agent');
const otherAgent = { ...person('agent-2', 'agent'), agentId: 'bob' };
const customer = person('cust-1', 'customer');
const customer2 = person('cust-2', 'customer');
const gone = person('cust-3', 'customer', 5);
const consent = (over: Partial<ConsentRequest> = {}): ConsentRequest => ({
  id: 'c1', sessionId: 's1', activity: 'view-desktop', requestedBy: 'agent-1', customerId: 'cust-1',
  status: 'pending', requestedAt: 0, answeredAt: null, ...over,
});

describe('ending a session (R1.6)', () => {
  it('is allowed to the agent in control', () => expect(refuseEnd(session, agent)).toBeNull());
  it('is refused to a customer', () => expect(refuseEnd(session, customer)).toMatch(/only the agent/));
  it('is refused to an agent who does not control the session', () => expect(refuseEnd(session, otherAgent)).toMatch(/only the agent/));
  it('is refused once ended', () => expect(refuseEnd({ ...session, state: 'ended' }, agent)).toMatch(/ended/));
});

describe('leaving', () => {
  it('a customer may leave', () => expect(refuseLeave(session, customer)).toBeNull());
  it('the agent in control ends instead of leaving', () => expect(refuseLeave(session, agent)).toMatch(/ends the session/));
  it('cannot leave twice', () => expect(refuseLeave(session, gone)).toMatch(/already left/));
});

describe('asking for consent (R2.1)', () => {
  it('the agent asks a present customer', () => expect(refuseConsentAsk(session, agent, customer)).toBeNull());
  it('a customer cannot ask', () => expect(refuseConsentAsk(session, customer, customer2)).toMatch(/only the agent/));
  it('consent is asked of customers only', () => expect(refuseConsentAsk(session, agent, agent)).toMatch(/of a customer/));
  it('not of a customer who left', () => expect(refuseConsentAsk(session, agent, gone)).toMatch(/left/));
});

describe('answering consent', () => {
  it('the customer asked answers a pending request', () => expect(refuseConsentAnswer(consent(), customer)).toBeNull());
  it('another customer cannot answer', () => expect(refuseConsentAnswer(consent(), customer2)).toMatch(/not addressed/));
  it('only once', () => expect(refuseConsentAnswer(consent({ status: 'granted' }), customer)).toMatch(/already/));
});

describe('publishing a screen needs an unused grant', () => {
  it('no grant: refused', () => expect(findUsableGrant(customer, 'screen', [consent()], new Set())).toBeNull());
  it('denied: refused', () => expect(findUsableGrant(customer, 'screen', [consent({ status: 'denied' })], new Set())).toBeNull());
  it('ended: refused', () => expect(findUsableGrant(customer, 'screen', [consent({ status: 'ended' })], new Set())).toBeNull());
  it('granted to someone else: refused', () =>
    expect(findUsableGrant(customer2, 'screen', [consent({ status: 'granted' })], new Set())).toBeNull());
  it('granted but already used by a producer: refused', () =>
    expect(findUsableGrant(customer, 'screen', [consent({ status: 'granted' })], new Set(['c1']))).toBeNull());
  it('granted and unused: allowed', () =>
    expect(findUsableGrant(customer, 'screen', [consent({ status: 'granted' })], new Set())?.id).toBe('c1'));
});

describe('chat visibility (R6.1)', () => {
  const message = (to: string | null): ChatMessage => ({
    id: 'm', sessionId: 's1', seq: 0, from: 'agent-1', fromName: 'Ann', to, text: 'hi', sentAt: 0,
  });
  it('a message to all is seen by all', () => expect(canSeeChat(message(null), customer2)).toBe(true));
  it('a private message is seen by its recipient', () => expect(canSeeChat(message('cust-1'), customer)).toBe(true));
  it('a private message is seen by its sender', () => expect(canSeeChat(message('cust-1'), agent)).toBe(true));
  it('a private message is not seen by others', () => expect(canSeeChat(message('cust-1'), customer2)).toBe(false));
  it('private messages go to present participants only', () => {
    expect(refuseChatTo(agent, gone)).toMatch(/left/);
    expect(refuseChatTo(agent, null)).toMatch(/no such/);
    expect(refuseChatTo(agent, agent)).toMatch(/yourself/);
    expect(refuseChatTo(agent, customer)).toBeNull();
  });
});

describe('stopping a share (R3.2)', () => {
  it('the sharer stops it', () => expect(refuseStopShare(session, customer, 'cust-1')).toBeNull());
  it('the agent in control stops it', () => expect(refuseStopShare(session, agent, 'cust-1')).toBeNull());
  it('another customer cannot', () => expect(refuseStopShare(session, customer2, 'cust-1')).toMatch(/only the sharer/));
});
