import type { ChatMessage, ConsentRequest } from '@rs/signaling';
import type { ParticipantRecord, SessionRecord } from '../store/session-store';
import {
  canSeeChat,
  canSeeParticipant,
  findUsableGrant,
  refuseChat,
  refuseConsentAnswer,
  refuseConsentAsk,
  refuseAdmit,
  refuseConsentCancel,
  refuseEnd,
  refuseLeave,
  refuseNotes,
  refuseRemoveParticipant,
  refuseSelectCustomer,
  refuseStopShare,
  refuseTakeOver,
  refuseTransferControl,
  isPresent,
} from './session-rules';

const session: SessionRecord = {
  id: 's1', number: '123456789', state: 'active', agentName: 'Ann', createdAt: 0, endedAt: null,
  controllerId: 'agent-1', selectedCustomerId: 'cust-1', agentId: 'ann', endedBy: null,
};
const person = (id: string, role: ParticipantRecord['role'], leftAt: number | null = null): ParticipantRecord => ({
  id, role, displayName: id, connected: true, joinedAt: 0, leftAt, accountId: role === 'customer' ? null : `${id}-account`, grantsAll: false,
});
const agent = person('agent-1', 'agent');
const assistant = person('agent-2', 'assistant');
const supervisor = person('sup-1', 'supervisor');
const customer = person('cust-1', 'customer');
const customer2 = person('cust-2', 'customer');
const gone = person('cust-3', 'customer', 5);
const goneAssistant = person('agent-3', 'assistant', 5);
const consent = (over: Partial<ConsentRequest> = {}): ConsentRequest => ({
  id: 'c1', sessionId: 's1', activity: 'view-desktop', requestedBy: 'agent-1', customerId: 'cust-1',
  status: 'pending', requestedAt: 0, answeredAt: null, automatic: false, surface: null, ...over,
});

describe('ending a session (R1.6)', () => {
  it('is allowed to the agent in control', () => expect(refuseEnd(session, agent)).toBeNull());
  it('is refused to a customer', () => expect(refuseEnd(session, customer)).toMatch(/only the agent in control/));
  it('is refused to an assistant', () => expect(refuseEnd(session, assistant)).toMatch(/only the agent in control/));
  it('is refused to a supervisor who has not taken over', () => expect(refuseEnd(session, supervisor)).toMatch(/only the agent in control/));
  it('follows control: the assistant who received control may end', () =>
    expect(refuseEnd({ ...session, controllerId: 'agent-2' }, assistant)).toBeNull());
  it('is refused once ended', () => expect(refuseEnd({ ...session, state: 'ended' }, agent)).toMatch(/ended/));
});

describe('leaving', () => {
  it('a customer may leave', () => expect(refuseLeave(session, customer)).toBeNull());
  it('an assistant may leave', () => expect(refuseLeave(session, assistant)).toBeNull());
  it('a supervisor may leave', () => expect(refuseLeave(session, supervisor)).toBeNull());
  it('the agent in control ends or transfers instead of leaving', () => expect(refuseLeave(session, agent)).toMatch(/transfers control/));
  it('cannot leave twice', () => expect(refuseLeave(session, gone)).toMatch(/already left/));
});

describe('transfer of control (R1.4)', () => {
  it('the agent in control hands control to an assistant', () => expect(refuseTransferControl(session, agent, assistant)).toBeNull());
  it('an assistant cannot hand out control it does not have', () =>
    expect(refuseTransferControl(session, assistant, agent)).toMatch(/only the agent in control/));
  it('not to a customer', () => expect(refuseTransferControl(session, agent, customer)).toMatch(/to an assistant/));
  it('not to a supervisor (they take over instead)', () => expect(refuseTransferControl(session, agent, supervisor)).toMatch(/to an assistant/));
  it('not to someone who left', () => expect(refuseTransferControl(session, agent, goneAssistant)).toMatch(/no such/));
  it('not to yourself', () => expect(refuseTransferControl(session, agent, agent)).toMatch(/already in control/));
});

describe('supervisor take-over', () => {
  it('a watching supervisor may take over', () => expect(refuseTakeOver(session, supervisor)).toBeNull());
  it('an assistant may not', () => expect(refuseTakeOver(session, assistant)).toMatch(/only a supervisor/));
  it('not twice', () => expect(refuseTakeOver({ ...session, controllerId: 'sup-1' }, supervisor)).toMatch(/already in control/));
});

describe('choosing the customer to help (R1.2)', () => {
  it('the agent in control selects a present customer', () => expect(refuseSelectCustomer(session, agent, customer2)).toBeNull());
  it('an assistant cannot', () => expect(refuseSelectCustomer(session, assistant, customer2)).toMatch(/only the agent in control/));
  it('not a customer who left, nor an agent', () => {
    expect(refuseSelectCustomer(session, agent, gone)).toMatch(/no such customer/);
    expect(refuseSelectCustomer(session, agent, assistant)).toMatch(/no such customer/);
  });
});

describe('notes (R1.7)', () => {
  it('staff write notes', () => [agent, assistant, supervisor].forEach((p) => expect(refuseNotes(p)).toBeNull()));
  it('customers do not', () => expect(refuseNotes(customer)).toMatch(/only agents/));
});

describe('asking for consent (R2.1)', () => {
  it('the agent in control asks a present customer', () => expect(refuseConsentAsk(session, agent, customer)).toBeNull());
  it('an assistant cannot ask', () => expect(refuseConsentAsk(session, assistant, customer)).toMatch(/only the agent in control/));
  it('a customer cannot ask', () => expect(refuseConsentAsk(session, customer, customer2)).toMatch(/only the agent in control/));
  it('consent is asked of customers only', () => expect(refuseConsentAsk(session, agent, assistant)).toMatch(/of a customer/));
  it('not of a customer who left', () => expect(refuseConsentAsk(session, agent, gone)).toMatch(/left/));
});

describe('answering consent', () => {
  it('the customer asked answers a pending request', () => expect(refuseConsentAnswer(consent(), customer)).toBeNull());
  it('another customer cannot answer', () => expect(refuseConsentAnswer(consent(), customer2)).toMatch(/not addressed/));
  it('only once', () => expect(refuseConsentAnswer(consent({ status: 'granted' }), customer)).toMatch(/already/));
});

describe('publishing a screen needs a grant not used up', () => {
  const usable = (c: ConsentRequest, who = customer, inUse = new Map<string, number>()) => findUsableGrant(who, [c], inUse);
  it('pending, denied, ended, revoked: refused', () => {
    for (const status of ['pending', 'denied', 'ended', 'revoked'] as const) expect(usable(consent({ status }))).toBeNull();
  });
  it('granted to someone else: refused', () => expect(usable(consent({ status: 'granted' }), customer2)).toBeNull());
  it('granted and unused: allowed; a second application on the same grant: allowed; a third: refused', () => {
    expect(usable(consent({ status: 'granted' }))?.id).toBe('c1');
    expect(usable(consent({ status: 'granted' }), customer, new Map([['c1', 1]]))?.id).toBe('c1');
    expect(usable(consent({ status: 'granted' }), customer, new Map([['c1', 2]]))).toBeNull();
  });
});

describe('chat (R6.1) and whispers', () => {
  const message = (to: string | null): ChatMessage => ({
    id: 'm', sessionId: 's1', seq: 0, from: 'agent-1', fromName: 'Ann', to, text: 'hi', sentAt: 0, whisper: false,
  });
  it('a message to all is seen by all', () => expect(canSeeChat(message(null), customer2)).toBe(true));
  it('a customer sees nothing said before they joined; staff see it all', () => {
    const late = { ...customer2, joinedAt: 1_000 };
    expect(canSeeChat({ ...message(null), sentAt: 999 }, late)).toBe(false);
    expect(canSeeChat({ ...message(null), sentAt: 1_000 }, late)).toBe(true);
    expect(canSeeChat({ ...message(null), sentAt: 999 }, { ...agent, joinedAt: 1_000 })).toBe(true);
  });
  it('a private message is seen by its recipient and sender only', () => {
    expect(canSeeChat(message('cust-1'), customer)).toBe(true);
    expect(canSeeChat(message('cust-1'), agent)).toBe(true);
    expect(canSeeChat(message('cust-1'), customer2)).toBe(false);
  });
  it('private messages go to present participants only', () => {
    expect(refuseChat(agent, gone, true)).toMatch(/no such/);
    expect(refuseChat(agent, null, true)).toMatch(/no such/);
    expect(refuseChat(agent, agent, true)).toMatch(/yourself/);
    expect(refuseChat(agent, customer, true)).toBeNull();
    expect(refuseChat(customer, null, false)).toBeNull();
  });
  it('a supervisor only whispers to agents: never to all, never to a customer', () => {
    expect(refuseChat(supervisor, null, false)).toMatch(/whispers to agents only/);
    expect(refuseChat(supervisor, customer, true)).toMatch(/whispers to agents only/);
    expect(refuseChat(supervisor, agent, true)).toBeNull();
    expect(refuseChat(supervisor, assistant, true)).toBeNull();
  });
  it('a customer cannot address a supervisor', () => expect(refuseChat(customer, supervisor, true)).toMatch(/no such/));
});

describe('who customers see', () => {
  it('customers do not see supervisors unless the site says so', () => {
    expect(canSeeParticipant(customer, supervisor, false)).toBe(false);
    expect(canSeeParticipant(customer, supervisor, true)).toBe(true);
    expect(canSeeParticipant(agent, supervisor, false)).toBe(true);
    expect(canSeeParticipant(customer, assistant, false)).toBe(true);
  });
});

describe('stopping a share (R3.2)', () => {
  it('the sharer stops it', () => expect(refuseStopShare(session, customer, 'cust-1')).toBeNull());
  it('the agent in control stops it', () => expect(refuseStopShare(session, agent, 'cust-1')).toBeNull());
  it('another customer or an assistant cannot', () => {
    expect(refuseStopShare(session, customer2, 'cust-1')).toMatch(/only the sharer/);
    expect(refuseStopShare(session, assistant, 'cust-1')).toMatch(/only the sharer/);
  });
});

describe('cancelling a consent request', () => {
  it('is allowed to the agent in control while the request is pending', () => expect(refuseConsentCancel(session, agent, consent())).toBeNull());
  it('is refused to anyone else', () => {
    expect(refuseConsentCancel(session, assistant, consent())).toMatch(/only the agent in control/);
    expect(refuseConsentCancel(session, customer, consent())).toMatch(/only the agent in control/);
  });
  it('is refused once answered, cancelled or ended', () => {
    for (const status of ['granted', 'denied', 'unsupported', 'cancelled', 'ended', 'revoked'] as const) {
      expect(refuseConsentCancel(session, agent, consent({ status }))).toMatch(/already answered/);
    }
  });
});

describe('removing a participant', () => {
  const disconnected = { ...customer2, connected: false };
  it('is allowed to the agent in control for a participant no longer connected', () => {
    expect(refuseRemoveParticipant(session, agent, disconnected)).toBeNull();
    expect(refuseRemoveParticipant(session, agent, { ...goneAssistant, connected: false })).toBeNull();
  });
  it('is refused for a connected participant, for oneself, for nobody', () => {
    expect(refuseRemoveParticipant(session, agent, customer)).toMatch(/still connected/);
    expect(refuseRemoveParticipant(session, agent, { ...agent, connected: false })).toMatch(/yourself/);
    expect(refuseRemoveParticipant(session, agent, null)).toMatch(/no such participant/);
  });
  it('is refused to anyone but the agent in control', () => {
    expect(refuseRemoveParticipant(session, assistant, disconnected)).toMatch(/only the agent in control/);
    expect(refuseRemoveParticipant(session, supervisor, disconnected)).toMatch(/only the agent in control/);
  });
});

describe('customers waiting to be admitted (privacy between customers)', () => {
  const waiting: ParticipantRecord = { ...person('cust-9', 'customer'), waiting: true };

  it('only the agent in control admits, and only someone who waits', () => {
    expect(refuseAdmit(session, agent, waiting)).toBeNull();
    expect(refuseAdmit(session, assistant, waiting)).toMatch(/only the agent in control/);
    expect(refuseAdmit(session, agent, customer2)).toMatch(/nobody/);
    expect(refuseAdmit(session, agent, { ...waiting, leftAt: 5 })).toMatch(/nobody/);
    expect(refuseAdmit(session, agent, null)).toMatch(/nobody/);
    expect(refuseAdmit({ ...session, state: 'ended' }, agent, waiting)).toMatch(/ended/);
  });

  it('a waiting customer is not present: not chosen, not asked, not written to; they may still leave', () => {
    expect(isPresent(waiting)).toBe(false);
    expect(refuseSelectCustomer(session, agent, waiting)).not.toBeNull();
    expect(refuseConsentAsk(session, agent, waiting)).not.toBeNull();
    expect(refuseChat(agent, waiting, true)).not.toBeNull();
    expect(refuseLeave(session, waiting)).toBeNull();
  });
});
