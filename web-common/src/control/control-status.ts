import type { ControlStateEvent } from '@rs/signaling';
import type { MessageKey } from '../i18n/catalogs/en';
import type { StatusTone } from '../ui/status-line';

export interface ControlStatus {
  key: MessageKey;
  tone: StatusTone;
}

/** The line that says where control stands, worded for who reads it (the controller, the controlled person, others). */
export function describeControl(state: ControlStateEvent, selfId: string | null): ControlStatus | null {
  const mine = state.targetId === selfId;
  const driving = state.controllerId === selfId;
  switch (state.state) {
    case 'idle':
      if (state.endReason === 'denied') return { key: 'control.state.denied', tone: 'warning' };
      if (state.endReason === 'revoked') return { key: 'control.state.revoked', tone: 'warning' };
      return state.endReason ? { key: 'control.state.ended', tone: 'info' } : null;
    case 'asked':
      return { key: 'control.state.asked', tone: 'progress' };
    case 'pairing':
      return { key: mine ? 'control.state.pairingMine' : 'control.state.pairing', tone: 'progress' };
    case 'paused':
      if (state.pausedReason === 'annotation') return { key: 'control.state.pausedAnnotation', tone: 'warning' };
      return { key: mine ? 'control.state.pausedLocalMine' : 'control.state.pausedLocal', tone: 'warning' };
    case 'active':
      if (!state.helperConnected) return { key: 'control.state.helperAway', tone: 'warning' };
      return { key: mine ? 'control.state.activeMine' : driving ? 'control.state.activeSelf' : 'control.state.active', tone: 'success' };
  }
}
