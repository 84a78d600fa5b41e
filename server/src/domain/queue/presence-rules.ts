import type { ChosenPresence, PresenceState } from '@rs/signaling';
import type { PresenceRecord } from '../../store/queue-store';

/**
 * An agent's effective presence: offline without a connected console; away
 * when they chose it (or were set away); busy at their maximum of sessions;
 * in wrap-up until it ends; available otherwise.
 */
export function effectiveState(presence: PresenceRecord | null, activeSessions: number, maxSessions: number, now: number): PresenceState {
  if (!presence || !presence.online) return 'offline';
  if (presence.chosen === 'away') return 'away';
  if (activeSessions >= maxSessions) return 'busy';
  if (presence.wrapUpUntil !== null && presence.wrapUpUntil > now) return 'wrap-up';
  return 'available';
}

/** The agent chooses available or away; choosing available clears missed offers (and a server-set away). */
export function choosePresence(presence: PresenceRecord, chosen: ChosenPresence, now: number): PresenceRecord {
  const becameAvailable = chosen === 'available' && presence.chosen !== 'available';
  return {
    ...presence,
    chosen,
    awayReason: chosen === 'away' ? 'chosen' : null,
    missedOffers: chosen === 'available' ? 0 : presence.missedOffers,
    idleSince: becameAvailable ? now : presence.idleSince,
  };
}

/** An offer timed out: counted; at `limit` misses in a row the agent is set away (mod_callcenter's no-answer). */
export function afterMissedOffer(presence: PresenceRecord, limit: number): PresenceRecord {
  const missedOffers = presence.missedOffers + 1;
  if (missedOffers < limit) return { ...presence, missedOffers };
  return { ...presence, missedOffers, chosen: 'away', awayReason: 'missed-offers' };
}

/** Taking a customer resets the missed offers. */
export function afterAccept(presence: PresenceRecord): PresenceRecord {
  return { ...presence, missedOffers: 0 };
}

/** A session ended: wrap-up for `wrapUpSeconds` (none when 0), idle from its end. */
export function afterSessionEnded(presence: PresenceRecord, wrapUpSeconds: number, now: number): PresenceRecord {
  const wrapUpUntil = wrapUpSeconds > 0 ? now + wrapUpSeconds * 1000 : null;
  return { ...presence, wrapUpUntil, idleSince: wrapUpUntil ?? now };
}
