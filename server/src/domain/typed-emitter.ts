import { EventEmitter } from 'node:events';
import type { Logger } from '../logging/logger';

/**
 * A typed EventEmitter whose listener exceptions are caught and logged
 * ("safe emit"), so one broken listener cannot break the emitter's caller.
 */
export class TypedEmitter<Events extends Record<string, unknown[]>> {
  private readonly emitter = new EventEmitter();

  constructor(private readonly listenerLog: Logger) {}

  on<E extends keyof Events & string>(event: E, listener: (...args: Events[E]) => void | Promise<void>): this {
    this.emitter.on(event, (...args: Events[E]) => {
      try {
        const result = listener(...args);
        if (result instanceof Promise) result.catch((err: unknown) => this.listenerLog.error({ err, event }, 'listener failed'));
      } catch (err) {
        this.listenerLog.error({ err, event }, 'listener failed');
      }
    });
    return this;
  }

  emit<E extends keyof Events & string>(event: E, ...args: Events[E]): void {
    this.emitter.emit(event, ...args);
  }
}
