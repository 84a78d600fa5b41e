import type { ControlStateEvent } from '@rs/signaling';
import { describeControl } from './control-status';

const base: ControlStateEvent = {
  sessionId: '00000000-0000-4000-8000-000000000000', state: 'active', direction: 'customer-desktop', controllerId: 'agent', targetId: 'customer',
  pausedReason: null, resumesAt: null, helperConnected: true, endReason: null,
};
const at = (over: Partial<ControlStateEvent>, self: string) => describeControl({ ...base, ...over }, self)?.key ?? null;

describe('describeControl: the line each side reads', () => {
  it('tells the controlled person who controls, the controller what they do, and others both names', () => {
    expect(at({}, 'customer')).toBe('control.state.activeMine');
    expect(at({}, 'agent')).toBe('control.state.activeSelf');
    expect(at({}, 'assistant')).toBe('control.state.active');
  });

  it('says why control is paused, in the words of the person at the machine', () => {
    expect(at({ state: 'paused', pausedReason: 'local-input' }, 'customer')).toBe('control.state.pausedLocalMine');
    expect(at({ state: 'paused', pausedReason: 'local-input' }, 'agent')).toBe('control.state.pausedLocal');
    expect(at({ state: 'paused', pausedReason: 'annotation' }, 'agent')).toBe('control.state.pausedAnnotation');
  });

  it('covers asking, pairing, a helper away, and how control ended', () => {
    expect(at({ state: 'asked' }, 'agent')).toBe('control.state.asked');
    expect(at({ state: 'pairing' }, 'customer')).toBe('control.state.pairingMine');
    expect(at({ state: 'pairing' }, 'agent')).toBe('control.state.pairing');
    expect(at({ helperConnected: false }, 'agent')).toBe('control.state.helperAway');
    expect(at({ state: 'idle', endReason: 'denied' }, 'agent')).toBe('control.state.denied');
    expect(at({ state: 'idle', endReason: 'revoked' }, 'agent')).toBe('control.state.revoked');
    expect(at({ state: 'idle', endReason: 'transferred' }, 'agent')).toBe('control.state.ended');
    expect(at({ state: 'idle', endReason: null }, 'agent')).toBeNull();
  });
});
