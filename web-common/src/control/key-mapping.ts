import { KeyCodeSchema } from '@rs/signaling';
import type { RemoteInput } from '@rs/signaling';

/** What key mapping reads of a KeyboardEvent. */
export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  getModifierState?(key: string): boolean;
}

/**
 * The controller's keys as remote input: a printable character typed without
 * Ctrl/Alt/Meta (AltGr counts as typing) travels as the character itself, so
 * "!@#", "é" or "中" arrive whatever the controlled machine's layout; every
 * other key (modifiers, Enter, arrows, Ctrl+C...) travels as the physical key,
 * down and up. Keys still held when capture stops are released.
 */
export class KeyMapper {
  private readonly held = new Set<string>();

  down(event: KeyLike): RemoteInput | null {
    if (isTyped(event)) return { t: 'text', text: event.key };
    if (!KeyCodeSchema.safeParse(event.code).success) return null;
    this.held.add(event.code);
    return { t: 'key', code: event.code, down: true };
  }

  up(event: KeyLike): RemoteInput | null {
    if (!this.held.delete(event.code)) return null;
    return { t: 'key', code: event.code, down: false };
  }

  /** Key-ups for everything still held (capture stopped, focus lost). */
  releaseAll(): RemoteInput[] {
    const ups = [...this.held].map((code): RemoteInput => ({ t: 'key', code, down: false }));
    this.held.clear();
    return ups;
  }
}

function isTyped(event: KeyLike): boolean {
  if ([...event.key].length !== 1) return false;
  if (event.getModifierState?.('AltGraph')) return true;
  return !event.ctrlKey && !event.altKey && !event.metaKey;
}
