/** Event name -> listener arguments. */
export type EventMap = Record<string, unknown[]>;

type Listener<Args extends unknown[]> = (...args: Args) => void;
type ListenerSets<E extends EventMap> = { [K in keyof E]?: Set<Listener<E[K]>> };

/**
 * A small typed event emitter. A listener that throws is logged and does not
 * stop the other listeners ("safe emit"). `on()` returns its own unsubscribe.
 */
export class TypedEmitter<E extends EventMap> {
  private listeners: ListenerSets<E> = {};

  on<K extends keyof E>(event: K, listener: Listener<E[K]>): () => void {
    const set = this.listeners[event] ?? new Set<Listener<E[K]>>();
    set.add(listener);
    this.listeners[event] = set;
    return () => {
      set.delete(listener);
    };
  }

  once<K extends keyof E>(event: K, listener: Listener<E[K]>): () => void {
    const off = this.on(event, (...args: E[K]) => {
      off();
      listener(...args);
    });
    return off;
  }

  emit<K extends keyof E>(event: K, ...args: E[K]): void {
    const set = this.listeners[event];
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(...args);
      } catch (error) {
        console.error(`listener of "${String(event)}" failed`, error);
      }
    }
  }

  removeAllListeners(): void {
    this.listeners = {};
  }
}

/** Collects unsubscribe functions so an owner can drop them all on close(). */
export class Subscriptions {
  private offs: (() => void)[] = [];

  add(off: () => void): void {
    this.offs.push(off);
  }

  clear(): void {
    const offs = this.offs;
    this.offs = [];
    for (const off of offs) off();
  }
}
