import { REMOTE_INPUT_RATES, RemoteInputSchema } from '@rs/signaling';
import type { HelperControlState, RemoteInput } from '@rs/signaling';
import { TokenBucket } from './token-bucket';

export type GateVerdict = { ok: true; input: RemoteInput } | { ok: false; reason: 'invalid' | 'not-active' | 'local-pause' | 'rate' };

/** How long the helper itself drops remote input after the person's own input (the server's pause may come later). */
export const LOCAL_PAUSE_MS = 1500;

/**
 * The helper's own check of every input event, whatever the server relays:
 * shape (RemoteInputSchema), control state (only while active), the local
 * person's pause, and a person's maximum rate (REMOTE_INPUT_RATES).
 */
export class InputGate {
  private state: HelperControlState['state'] = 'waiting';
  private localPauseUntil = 0;
  private readonly buckets: Record<keyof typeof REMOTE_INPUT_RATES, TokenBucket>;

  constructor(private readonly now: () => number = () => performance.now()) {
    const bucket = ({ perSecond, burst }: { perSecond: number; burst: number }): TokenBucket => new TokenBucket(perSecond, burst, now);
    this.buckets = {
      pointer: bucket(REMOTE_INPUT_RATES.pointer),
      keys: bucket(REMOTE_INPUT_RATES.keys),
      characters: bucket(REMOTE_INPUT_RATES.characters),
      combos: bucket(REMOTE_INPUT_RATES.combos),
    };
  }

  setState(state: HelperControlState['state']): void {
    this.state = state;
  }

  /** The person at this machine used their own mouse or keyboard. */
  pauseForLocalInput(ms = LOCAL_PAUSE_MS): void {
    this.localPauseUntil = Math.max(this.localPauseUntil, this.now() + ms);
  }

  get controlState(): HelperControlState['state'] {
    return this.state;
  }

  get active(): boolean {
    return this.state === 'active' && this.now() >= this.localPauseUntil;
  }

  check(payload: unknown): GateVerdict {
    const parsed = RemoteInputSchema.safeParse(payload);
    if (!parsed.success) return { ok: false, reason: 'invalid' };
    if (this.state !== 'active') return { ok: false, reason: 'not-active' };
    if (this.now() < this.localPauseUntil) return { ok: false, reason: 'local-pause' };
    const input = parsed.data;
    if (!this.takeTokens(input)) return { ok: false, reason: 'rate' };
    return { ok: true, input };
  }

  private takeTokens(input: RemoteInput): boolean {
    switch (input.t) {
      case 'move':
      case 'button':
      case 'wheel':
        return this.buckets.pointer.take();
      case 'key':
        return this.buckets.keys.take();
      case 'text':
        return this.buckets.characters.take(Array.from(input.text).length);
      case 'combo':
        return this.buckets.combos.take();
    }
  }
}
