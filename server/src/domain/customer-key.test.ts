import type { ParticipantRecord } from '../store/session-store';
import { findReturningCustomer, hashCustomerKey } from './customer-key';

const customer = (id: string, key: string | null, leftAt: number | null = null): ParticipantRecord => ({
  id, role: 'customer', displayName: id, connected: false, joinedAt: 0, leftAt, accountId: null, grantsAll: false,
  ...(key ? { customerKeyHash: hashCustomerKey(key) } : {}),
});

describe('a returning customer', () => {
  const key = 'a-browser-key-0123456789';
  it('is found by the hash of their browser key, present or disconnected', () => {
    expect(findReturningCustomer([customer('x', 'another-key-0123456789'), customer('me', key)], hashCustomerKey(key))?.id).toBe('me');
  });
  it('is not one who left, nor one without a key, nor staff', () => {
    const staff: ParticipantRecord = { ...customer('agent', key), role: 'agent', accountId: 'acc' };
    expect(findReturningCustomer([customer('left', key, 5), customer('nokey', null), staff], hashCustomerKey(key))).toBeNull();
  });
  it('never keeps the key itself', () => expect(hashCustomerKey(key)).not.toContain(key));
});
