import { EventEmitter } from 'node:events';
import pino from 'pino';
import { installProcessGuards } from './process-guards';

describe('installProcessGuards', () => {
  it('logs uncaught exceptions and rejections, and exits only when exceptions keep coming', () => {
    let now = 0;
    const events = new EventEmitter();
    const exits: number[] = [];
    const uninstall = installProcessGuards({ log: pino({ level: 'silent' }), maxUncaught: 3, windowMs: 1000, exit: (code) => exits.push(code), now: () => now, target: events });
    try {
      events.emit('unhandledRejection', new Error('rejected'));
      events.emit('uncaughtException', new Error('one'));
      now += 2000;
      events.emit('uncaughtException', new Error('two'));
      events.emit('uncaughtException', new Error('three'));
      expect(exits).toEqual([]);
      events.emit('uncaughtException', new Error('four'));
      expect(exits).toEqual([70]);
    } finally {
      uninstall();
    }
  });
});
