import { chooseAgent } from './routing';
import type { RoutingCandidate } from './routing';

const agent = (accountId: string, over: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  accountId, state: 'available', activeSessions: 0, capacity: 2, idleSince: 1_000, ...over,
});

describe('routing strategies', () => {
  const team = [
    agent('a', { idleSince: 3_000, activeSessions: 0 }),
    agent('b', { idleSince: 1_000, activeSessions: 1 }),
    agent('c', { idleSince: 2_000, activeSessions: 0 }),
  ];

  it('longest-idle offers to the agent idle the longest', () => {
    expect(chooseAgent('longest-idle', team)).toBe('b');
  });

  it('fewest-active offers to the agent with the fewest sessions, the longest idle among equals', () => {
    expect(chooseAgent('fewest-active', team)).toBe('c');
  });

  it('manual offers to nobody', () => {
    expect(chooseAgent('manual', team)).toBeNull();
  });

  it('skips agents who are away, busy, in wrap-up, offline, at the queue cap or already tried', () => {
    const others = [
      agent('away', { state: 'away', idleSince: 0 }),
      agent('busy', { state: 'busy', idleSince: 0 }),
      agent('wrap', { state: 'wrap-up', idleSince: 0 }),
      agent('off', { state: 'offline', idleSince: 0 }),
      agent('full', { activeSessions: 2, capacity: 2, idleSince: 0 }),
      agent('tried', { idleSince: 0 }),
      agent('ok', { idleSince: 500 }),
    ];
    expect(chooseAgent('longest-idle', others, new Set(['tried']))).toBe('ok');
    expect(chooseAgent('fewest-active', others, new Set(['tried', 'ok']))).toBeNull();
  });

  it('breaks ties on the account id so every node picks the same agent', () => {
    expect(chooseAgent('longest-idle', [agent('y'), agent('x')])).toBe('x');
  });
});
