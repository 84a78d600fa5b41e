import type { ParticipantRecord, SessionRecord } from '../../store/session-store';
import { canSeeTransfer, refuseActor, refuseOffer } from './transfer-rules';
import type { TransferRecord } from './transfer-record';

const person = (id: string, role: ParticipantRecord['role'], leftAt: number | null = null): ParticipantRecord => ({
  id, role, displayName: id, connected: true, joinedAt: 0, leftAt, accountId: role === 'customer' ? null : `acc-${id}`, grantsAll: false,
});
const agent = person('agent', 'agent');
const assistant = person('assistant', 'agent');
const customer = person('customer', 'customer');
const other = person('other', 'customer');
const session = { id: 's', controllerId: 'agent' } as SessionRecord;
const download = { kind: 'download' } as const;
const transfer = { senderId: 'agent', receiverId: 'customer' } as TransferRecord;

describe('transfer rules', () => {
  it('offers go between a customer and staff; staff must be in control to send to a customer', () => {
    expect(refuseOffer(session, agent, customer, download)).toBeNull();
    expect(refuseOffer(session, customer, agent, download)).toBeNull();
    expect(refuseOffer(session, customer, assistant, download)).toBeNull();
    expect(refuseOffer(session, assistant, customer, download)?.code).toBe('NOT_IN_CONTROL');
    expect(refuseOffer(session, customer, other, download)?.code).toBe('FORBIDDEN');
    expect(refuseOffer(session, agent, assistant, download)?.code).toBe('FORBIDDEN');
    expect(refuseOffer(session, agent, null, download)?.code).toBe('PARTICIPANT_NOT_FOUND');
    expect(refuseOffer(session, agent, person('gone', 'customer', 5), download)?.code).toBe('PARTICIPANT_NOT_FOUND');
    expect(refuseOffer(session, customer, agent, { kind: 'granted-folder', path: [] })?.code).toBe('INVALID_PAYLOAD');
  });

  it('customers see only their own transfers; staff see all', () => {
    expect(canSeeTransfer(customer, transfer)).toBe(true);
    expect(canSeeTransfer(other, transfer)).toBe(false);
    expect(canSeeTransfer(assistant, transfer)).toBe(true);
  });

  it('only the right party acts', () => {
    expect(refuseActor(session, customer, transfer, 'receiver')).toBeNull();
    expect(refuseActor(session, agent, transfer, 'receiver')?.code).toBe('FORBIDDEN');
    expect(refuseActor(session, other, transfer, 'party')?.code).toBe('FORBIDDEN');
    expect(refuseActor(session, assistant, transfer, 'party-or-controller')?.code).toBe('FORBIDDEN');
    const fromCustomer = { senderId: 'customer', receiverId: 'assistant' } as TransferRecord;
    expect(refuseActor(session, agent, fromCustomer, 'party-or-controller')).toBeNull();
  });
});
