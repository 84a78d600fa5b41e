import type { ControlDirection, ControlEndReason, ControlPauseReason, ControlStateName } from '@rs/signaling';

/** asked: consent pending; pairing: granted, the helper has not connected yet; live: the helper paired. */
export type GrantPhase = 'asked' | 'pairing' | 'live' | 'ended';

export interface GrantParties {
  direction: ControlDirection;
  /** Who sends input. */
  controllerId: string;
  /** Whose desktop is driven (runs the helper). */
  targetId: string;
}

/** What a participant is refused when sending input, or null when it may be relayed. */
export type InputRefusal = 'CONTROL_NOT_GRANTED' | 'CONTROL_PAUSED' | 'HELPER_UNAVAILABLE' | null;

export interface GrantView {
  state: ControlStateName;
  pausedReason: ControlPauseReason | null;
  resumesAt: number | null;
}

/**
 * One remote-control grant as a pure state machine (no I/O, time passed in):
 * asked -> pairing -> live (active <-> paused) -> ended. "Paused" is derived:
 * someone annotates (until nobody does), or the person at the controlled
 * machine used it (until `localUntil`). Input flows only while live, unpaused,
 * with the helper connected, and only from the controller.
 */
export class ControlGrant {
  #phase: GrantPhase;
  #helperConnected = false;
  #localUntil: number | null = null;
  #endReason: ControlEndReason | null = null;
  readonly #annotators: ReadonlySet<string>;

  constructor(
    readonly id: string,
    readonly parties: GrantParties,
    /** The session's annotators (shared with the session: annotating may start before control). */
    annotators: ReadonlySet<string>,
    /** The reverse direction needs no consent prompt: the agent giving control is the grant. */
    granted = false,
  ) {
    this.#annotators = annotators;
    this.#phase = granted ? 'pairing' : 'asked';
  }

  get phase(): GrantPhase {
    return this.#phase;
  }

  get helperConnected(): boolean {
    return this.#helperConnected;
  }

  get endReason(): ControlEndReason | null {
    return this.#endReason;
  }

  /** The consent was granted: a pairing code goes to the target. False if not asked (any more). */
  grant(): boolean {
    if (this.#phase !== 'asked') return false;
    this.#phase = 'pairing';
    return true;
  }

  /** A helper connected (first pairing or a resume). False once ended or before the grant. */
  helperUp(): boolean {
    if (this.#phase !== 'pairing' && this.#phase !== 'live') return false;
    this.#phase = 'live';
    this.#helperConnected = true;
    return true;
  }

  helperDown(): void {
    this.#helperConnected = false;
  }

  /** The person at the controlled machine used it: input pauses until now + pauseMs. Returns true if it was not paused that way. */
  localInput(now: number, pauseMs: number): boolean {
    if (this.#phase !== 'live') return false;
    const wasPaused = this.#localUntil !== null && now < this.#localUntil;
    this.#localUntil = now + pauseMs;
    return !wasPaused;
  }

  /** Ends the grant once; false when it had already ended. */
  end(reason: ControlEndReason): boolean {
    if (this.#phase === 'ended') return false;
    this.#phase = 'ended';
    this.#endReason = reason;
    this.#helperConnected = false;
    return true;
  }

  /** Where the grant stands at `now`. */
  view(now: number): GrantView {
    switch (this.#phase) {
      case 'asked':
        return { state: 'asked', pausedReason: null, resumesAt: null };
      case 'pairing':
        return { state: 'pairing', pausedReason: null, resumesAt: null };
      case 'ended':
        return { state: 'idle', pausedReason: null, resumesAt: null };
      case 'live':
        if (this.#annotators.size > 0) return { state: 'paused', pausedReason: 'annotation', resumesAt: null };
        if (this.#localUntil !== null && now < this.#localUntil) return { state: 'paused', pausedReason: 'local-input', resumesAt: this.#localUntil };
        return { state: 'active', pausedReason: null, resumesAt: null };
    }
  }

  /** May `senderId` send input now? The whole check of the hot path: no I/O, no allocation beyond the view. */
  refuseInput(senderId: string, now: number): InputRefusal {
    if (senderId !== this.parties.controllerId || this.#phase !== 'live') return 'CONTROL_NOT_GRANTED';
    if (!this.#helperConnected) return 'HELPER_UNAVAILABLE';
    if (this.#annotators.size > 0 || (this.#localUntil !== null && now < this.#localUntil)) return 'CONTROL_PAUSED';
    return null;
  }
}
