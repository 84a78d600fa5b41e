import { Writable } from 'node:stream';
import pino from 'pino';
import { LogLimiter } from './log-limiter';

function harness(options: { perKey?: number; perMessage?: number } = {}) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  let now = 1_000_000;
  const limiter = new LogLimiter({ log: pino({ level: 'info' }, sink), windowMs: 10_000, now: () => now, ...options });
  return { lines, limiter, advance: (ms: number) => void (now += ms) };
}

describe('LogLimiter', () => {
  it('writes the first lines of a key per window, then one summary of what it held back', () => {
    const { lines, limiter, advance } = harness({ perKey: 3 });
    for (let i = 0; i < 1000; i++) limiter.write('info', 'socket-1', { i }, 'unknown event');
    expect(lines.map((l) => l.i)).toEqual([0, 1, 2]);
    advance(10_000);
    limiter.write('info', 'socket-1', { i: 'next' }, 'unknown event');
    expect(lines.slice(3)).toEqual([
      expect.objectContaining({ msg: 'log lines suppressed', suppressed: 997, of: 'unknown event', key: 'socket-1' }),
      expect.objectContaining({ msg: 'unknown event', i: 'next' }),
    ]);
    limiter.close();
  });

  it('bounds one message across many keys, and keys apart from each other', () => {
    const { lines, limiter } = harness({ perKey: 2, perMessage: 10 });
    for (let socket = 0; socket < 100; socket++) for (let i = 0; i < 5; i++) limiter.write('warn', `socket-${socket}`, {}, 'request refused');
    limiter.write('warn', 'socket-0', {}, 'another message');
    expect(lines.filter((l) => l.msg === 'request refused')).toHaveLength(10);
    expect(lines.filter((l) => l.msg === 'another message')).toHaveLength(1);
    limiter.close();
    const suppressed = lines.filter((l) => l.msg === 'log lines suppressed').reduce((sum, l) => sum + (l.suppressed as number), 0);
    expect(suppressed).toBe(490);
  });
});
