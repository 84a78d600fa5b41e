import type { Logger } from './logger';

export interface LogLimiterOptions {
  log: Logger;
  /** Lines one key may write per window (a key is e.g. socket id + message). */
  perKey?: number;
  /** Lines all keys of one message may write together per window (many sockets, one flood). */
  perMessage?: number;
  windowMs?: number;
  now?: () => number;
}

type Level = 'info' | 'warn' | 'error';

interface Window {
  endsAt: number;
  written: number;
  suppressed: number;
}

/** Keys tracked at most; past it, new keys share one bucket (a flood of new sockets cannot grow the map). */
const MAX_KEYS = 10_000;
const OVERFLOW_KEY = '\u0000overflow';

/**
 * Repeated lines are summarised: each key writes at most `perKey` lines per
 * window and each message at most `perMessage`; what was held back is written
 * once when its window is over ("log lines suppressed", with the count). So a
 * client sending junk in a loop costs a few lines a minute, not megabytes.
 */
export class LogLimiter {
  readonly #log: Logger;
  readonly #perKey: number;
  readonly #perMessage: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #windows = new Map<string, Window & { message: string; level: Level }>();
  readonly #timer: NodeJS.Timeout;

  constructor(options: LogLimiterOptions) {
    this.#log = options.log;
    this.#perKey = options.perKey ?? 5;
    this.#perMessage = options.perMessage ?? 100;
    this.#windowMs = options.windowMs ?? 60_000;
    this.#now = options.now ?? Date.now;
    this.#timer = setInterval(() => this.flush(), this.#windowMs);
    this.#timer.unref();
  }

  /** Writes the line unless its key or its message is over the limit of this window. */
  write(level: Level, key: string, fields: Record<string, unknown>, message: string): void {
    const now = this.#now();
    const byKey = this.#window(`${message}\u0000${this.#windows.size < MAX_KEYS ? key : OVERFLOW_KEY}`, message, level, now);
    const byMessage = this.#window(message, message, level, now);
    if (byKey.written >= this.#perKey || byMessage.written >= this.#perMessage) {
      byKey.suppressed++;
      return;
    }
    byKey.written++;
    byMessage.written++;
    this.#log[level](fields, message);
  }

  /** Writes the summary of every window that is over, and forgets it. */
  flush(now = this.#now()): void {
    for (const [key, window] of this.#windows) if (window.endsAt <= now) this.#end(key, window);
  }

  close(): void {
    clearInterval(this.#timer);
    this.flush(Infinity);
  }

  #end(key: string, window: Window & { message: string; level: Level }): void {
    this.#windows.delete(key);
    if (window.suppressed > 0) this.#log[window.level]({ suppressed: window.suppressed, of: window.message, key: key.split('\u0000')[1] }, 'log lines suppressed');
  }

  #window(key: string, message: string, level: Level, now: number): Window {
    let window = this.#windows.get(key);
    if (window && window.endsAt <= now) {
      this.#end(key, window);
      window = undefined;
    }
    if (!window) {
      window = { endsAt: now + this.#windowMs, written: 0, suppressed: 0, message, level };
      this.#windows.set(key, window);
    }
    return window;
  }
}
