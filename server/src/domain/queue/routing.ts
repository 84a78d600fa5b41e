import type { PresenceState, QueueRouting } from '@rs/signaling';

/** An agent as routing sees them for one queue. */
export interface RoutingCandidate {
  accountId: string;
  state: PresenceState;
  activeSessions: number;
  /** Sessions this agent may take from this queue (the queue's cap, else their own maximum). */
  capacity: number;
  /** Idle since (epoch ms): the end of their last session or wrap-up, or when they became available. */
  idleSince: number;
}

/** Agents who could take a customer now: available, under their capacity, not excluded. */
export function eligible(candidates: readonly RoutingCandidate[], exclude: ReadonlySet<string> = new Set()): RoutingCandidate[] {
  return candidates.filter((c) => c.state === 'available' && c.activeSessions < c.capacity && !exclude.has(c.accountId));
}

/**
 * The agent an automatic queue offers its head to (FreeSWITCH mod_callcenter's
 * strategies): 'longest-idle' the agent idle the longest; 'fewest-active' the
 * agent with the fewest sessions, the longest idle among equals. 'manual' offers
 * to nobody (agents pick). Ties end on the account id, so every node agrees.
 */
export function chooseAgent(routing: QueueRouting, candidates: readonly RoutingCandidate[], exclude: ReadonlySet<string> = new Set()): string | null {
  if (routing === 'manual') return null;
  const pool = eligible(candidates, exclude);
  const byIdle = (a: RoutingCandidate, b: RoutingCandidate) => a.idleSince - b.idleSince || a.accountId.localeCompare(b.accountId);
  const order = routing === 'longest-idle' ? byIdle : (a: RoutingCandidate, b: RoutingCandidate) => a.activeSessions - b.activeSessions || byIdle(a, b);
  return [...pool].sort(order)[0]?.accountId ?? null;
}
