import { REMOTE_INPUT_RATES } from '@rs/signaling';
import { InputGate } from './input-gate';

function gateAt(start = 0): { gate: InputGate; advance: (ms: number) => void } {
  let now = start;
  const gate = new InputGate(() => now);
  return { gate, advance: (ms) => (now += ms) };
}

const move = { t: 'move', x: 0.5, y: 0.5 };

describe('InputGate', () => {
  it('drops everything until control is active, and again once it is paused or waiting', () => {
    const { gate } = gateAt();
    expect(gate.check(move)).toEqual({ ok: false, reason: 'not-active' });
    gate.setState('active');
    expect(gate.check(move)).toEqual({ ok: true, input: move });
    gate.setState('paused');
    expect(gate.check(move)).toEqual({ ok: false, reason: 'not-active' });
    gate.setState('waiting');
    expect(gate.check({ t: 'text', text: 'a' })).toEqual({ ok: false, reason: 'not-active' });
  });

  it('refuses events that do not match the protocol', () => {
    const { gate } = gateAt();
    gate.setState('active');
    for (const bad of [
      { t: 'move', x: 2, y: 0 },
      { t: 'move', x: 0.1, y: 0.1, extra: 1 },
      { t: 'text', text: '' },
      { t: 'text', text: 'x'.repeat(65) },
      { t: 'key', code: 'Key A', down: true },
      { t: 'combo', combo: 'format-disk' },
      { t: 'wheel', dx: 0, dy: 50, x: 0, y: 0 },
      'click',
      null,
    ]) {
      expect(gate.check(bad)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('drops remote input for the local pause after the person touches their own mouse or keyboard', () => {
    const { gate, advance } = gateAt();
    gate.setState('active');
    gate.pauseForLocalInput(1500);
    expect(gate.active).toBe(false);
    expect(gate.check(move)).toEqual({ ok: false, reason: 'local-pause' });
    advance(1499);
    expect(gate.check(move).ok).toBe(false);
    advance(1);
    expect(gate.check(move).ok).toBe(true);
    expect(gate.active).toBe(true);
  });

  it('lets through no more pointer events than a person makes, refilling over time', () => {
    const { gate, advance } = gateAt();
    gate.setState('active');
    const accepted = Array.from({ length: 400 }, () => gate.check(move).ok).filter(Boolean).length;
    expect(accepted).toBe(REMOTE_INPUT_RATES.pointer.burst);
    expect(gate.check(move)).toEqual({ ok: false, reason: 'rate' });
    advance(100);
    const refilled = Array.from({ length: 100 }, () => gate.check(move).ok).filter(Boolean).length;
    expect(refilled).toBe(REMOTE_INPUT_RATES.pointer.perSecond / 10);
  });

  it('counts typed characters, not events, and keeps key and combo budgets apart', () => {
    const { gate } = gateAt();
    gate.setState('active');
    const sixtyFour = { t: 'text', text: 'é'.repeat(64) };
    expect(gate.check(sixtyFour).ok).toBe(true);
    expect(gate.check(sixtyFour).ok).toBe(true);
    expect(gate.check(sixtyFour).ok).toBe(true);
    expect(gate.check(sixtyFour)).toEqual({ ok: false, reason: 'rate' }); // 256 > burst 240
    expect(gate.check({ t: 'key', code: 'Enter', down: true }).ok).toBe(true);
    const combos = Array.from({ length: 5 }, () => gate.check({ t: 'combo', combo: 'ctrl-alt-del' }).ok);
    expect(combos).toEqual([true, true, true, false, false]);
  });
});
