import { ControlGrant } from './control-grant';

const parties = { direction: 'customer-desktop', controllerId: 'agent', targetId: 'customer' } as const;

function liveGrant(annotators = new Set<string>()): ControlGrant {
  const grant = new ControlGrant('g1', parties, annotators);
  grant.grant();
  grant.helperUp();
  return grant;
}

describe('ControlGrant', () => {
  it('asks, is granted, pairs, then lets only the controller send input', () => {
    const grant = new ControlGrant('g1', parties, new Set());
    expect(grant.view(0).state).toBe('asked');
    expect(grant.refuseInput('agent', 0)).toBe('CONTROL_NOT_GRANTED');
    expect(grant.grant()).toBe(true);
    expect(grant.grant()).toBe(false);
    expect(grant.view(0).state).toBe('pairing');
    expect(grant.refuseInput('agent', 0)).toBe('CONTROL_NOT_GRANTED');
    expect(grant.helperUp()).toBe(true);
    expect(grant.view(0)).toEqual({ state: 'active', pausedReason: null, resumesAt: null });
    expect(grant.refuseInput('agent', 0)).toBeNull();
    expect(grant.refuseInput('customer', 0)).toBe('CONTROL_NOT_GRANTED');
    expect(grant.refuseInput('assistant', 0)).toBe('CONTROL_NOT_GRANTED');
  });

  it('never pairs a helper before the grant', () => {
    const grant = new ControlGrant('g1', parties, new Set());
    expect(grant.helperUp()).toBe(false);
    expect(grant.view(0).state).toBe('asked');
  });

  it('starts at pairing when given (reverse control needs no prompt)', () => {
    const grant = new ControlGrant('g1', { direction: 'agent-desktop', controllerId: 'customer', targetId: 'agent' }, new Set(), true);
    expect(grant.view(0).state).toBe('pairing');
    grant.helperUp();
    expect(grant.refuseInput('customer', 0)).toBeNull();
    expect(grant.refuseInput('agent', 0)).toBe('CONTROL_NOT_GRANTED');
  });

  it('pauses on local input for the pause interval, extends it, then resumes by itself', () => {
    const grant = liveGrant();
    expect(grant.localInput(1_000, 1_500)).toBe(true);
    expect(grant.view(1_000)).toEqual({ state: 'paused', pausedReason: 'local-input', resumesAt: 2_500 });
    expect(grant.refuseInput('agent', 2_000)).toBe('CONTROL_PAUSED');
    expect(grant.localInput(2_000, 1_500)).toBe(false);
    expect(grant.view(2_600)).toEqual({ state: 'paused', pausedReason: 'local-input', resumesAt: 3_500 });
    expect(grant.view(3_500).state).toBe('active');
    expect(grant.refuseInput('agent', 3_500)).toBeNull();
  });

  it('pauses while anyone annotates, over a local-input pause, until annotation mode ends', () => {
    const annotators = new Set<string>();
    const grant = liveGrant(annotators);
    annotators.add('customer');
    grant.localInput(0, 1_500);
    expect(grant.view(0)).toEqual({ state: 'paused', pausedReason: 'annotation', resumesAt: null });
    expect(grant.view(10_000).pausedReason).toBe('annotation');
    expect(grant.refuseInput('agent', 10_000)).toBe('CONTROL_PAUSED');
    annotators.delete('customer');
    expect(grant.view(10_000).state).toBe('active');
  });

  it('refuses input while the helper is away, and takes it back on resume', () => {
    const grant = liveGrant();
    grant.helperDown();
    expect(grant.refuseInput('agent', 0)).toBe('HELPER_UNAVAILABLE');
    expect(grant.helperUp()).toBe(true);
    expect(grant.refuseInput('agent', 0)).toBeNull();
  });

  it('ends once (revoke, transfer, end), after which nothing flows or pairs', () => {
    for (const reason of ['revoked', 'transferred', 'session-ended', 'stopped'] as const) {
      const grant = liveGrant();
      expect(grant.end(reason)).toBe(true);
      expect(grant.end('stopped')).toBe(false);
      expect(grant.endReason).toBe(reason);
      expect(grant.view(0).state).toBe('idle');
      expect(grant.refuseInput('agent', 0)).toBe('CONTROL_NOT_GRANTED');
      expect(grant.helperUp()).toBe(false);
      expect(grant.helperConnected).toBe(false);
      expect(grant.localInput(0, 1_000)).toBe(false);
    }
  });
});
