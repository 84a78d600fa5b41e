import type { SessionStore } from '../store/session-store';

/** The store calls after which a session's history entry may have changed (start, end, people, notes). */
const INDEXED = new Set<keyof SessionStore>(['createSession', 'updateSession', 'putParticipant', 'setNotes']);

/**
 * The session store, telling `changed` the session id after each call that changes what
 * history shows (write-through: no code path that ends a session or edits notes can skip the index).
 */
export function indexedSessionStore(store: SessionStore, changed: (sessionId: string) => void): SessionStore {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      const method = (value as (...args: unknown[]) => unknown).bind(target);
      if (!INDEXED.has(property as keyof SessionStore)) return method;
      return async (...args: unknown[]) => {
        const result = await method(...args);
        const first = args[0];
        changed(typeof first === 'string' ? first : (first as { id: string }).id);
        return result;
      };
    },
  });
}
