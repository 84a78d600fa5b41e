import type { z } from 'zod';

/**
 * One JSON value in sessionStorage, checked against its schema when read back
 * (a stale or tampered entry reads as absent). sessionStorage keeps credentials
 * for this tab only: a reload rejoins, a new tab starts fresh.
 */
export class StoredValue<T> {
  constructor(
    private readonly key: string,
    private readonly schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  ) {}

  get(): T | null {
    try {
      const text = sessionStorage.getItem(this.key);
      if (text === null) return null;
      const parsed = this.schema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  set(value: T): void {
    try {
      sessionStorage.setItem(this.key, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the app still works, a reload just starts over.
    }
  }

  clear(): void {
    try {
      sessionStorage.removeItem(this.key);
    } catch {
      // Nothing to clear.
    }
  }
}
