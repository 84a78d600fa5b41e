import type { CapturedSurface, ControlStateEvent, HelperControlState, HelperEndReason, ControlEndReason } from '@rs/signaling';
import type { ControlGrant } from './control-grant';
import type { HelperLink } from './helper-link';

/** What one session keeps about control on this node. */
export interface SessionControl {
  sessionId: string;
  grant: LiveGrant | null;
  /** Participants with an annotation tool on (R3.6): control pauses while this is not empty. */
  annotators: Set<string>;
  /** What each sharer captures (participant id -> size), for the helper to pick the monitor. */
  surfaces: Map<string, CapturedSurface>;
}

/** A grant with what surrounds it: consent, pairing code, helper connection, timers. */
export interface LiveGrant {
  machine: ControlGrant;
  sessionId: string;
  consentId: string | null;
  controllerName: string;
  pairing: { code: string; expiresAt: number } | null;
  resumeToken: string | null;
  link: HelperLink | null;
  started: boolean;
  /** The last view sent, to tell only changes. */
  lastState: string;
  timers: { resume?: NodeJS.Timeout; code?: NodeJS.Timeout; helperGone?: NodeJS.Timeout };
}

export function clearTimers(grant: LiveGrant): void {
  for (const timer of Object.values(grant.timers)) if (timer) clearTimeout(timer);
  grant.timers = {};
}

/** The session-wide event (without the pairing code, which only the target gets). */
export function stateEvent(sessionId: string, grant: LiveGrant | null, now: number): ControlStateEvent {
  if (!grant) {
    return { sessionId, state: 'idle', direction: null, controllerId: null, targetId: null, pausedReason: null, resumesAt: null, helperConnected: false, endReason: null };
  }
  const view = grant.machine.view(now);
  const { direction, controllerId, targetId } = grant.machine.parties;
  return {
    sessionId, state: view.state, direction, controllerId, targetId, pausedReason: view.pausedReason, resumesAt: view.resumesAt,
    helperConnected: grant.machine.helperConnected, endReason: grant.machine.endReason,
  };
}

export function helperState(grant: LiveGrant, now: number): HelperControlState {
  const view = grant.machine.view(now);
  const state = view.state === 'active' || view.state === 'paused' ? view.state : 'waiting';
  return { state, controllerName: grant.controllerName.slice(0, 64), pausedReason: view.pausedReason, resumesAt: view.resumesAt };
}

export function helperEndReason(reason: ControlEndReason): HelperEndReason {
  switch (reason) {
    case 'revoked':
    case 'transferred':
    case 'session-ended':
      return reason;
    default:
      return 'stopped';
  }
}
