import type { FileTransfer, TransferState } from '@rs/signaling';

/**
 * The transfer state machine as the browsers see it. The server owns the state (file:transfer
 * events); a page only moves forward along these edges, drops stale or impossible updates, and
 * adds what only it knows (connecting, a sender that lost its file after a reload, hashing).
 */
const EDGES: Readonly<Record<TransferState, readonly TransferState[]>> = {
  'awaiting-consent': ['offered', 'accepted', 'denied', 'cancelled', 'failed'],
  offered: ['accepted', 'running', 'cancelled', 'failed'],
  accepted: ['running', 'paused', 'verified', 'cancelled', 'failed'],
  running: ['paused', 'verified', 'cancelled', 'failed'],
  paused: ['running', 'verified', 'cancelled', 'failed'],
  verified: [],
  failed: [],
  cancelled: [],
  denied: [],
};

export function canMove(from: TransferState, to: TransferState): boolean {
  return from === to || EDGES[from].includes(to);
}

export function isFinal(state: TransferState): boolean {
  return EDGES[state].length === 0;
}

/** A transfer whose bytes may be moving or about to (both sides keep a link for it). */
export function isLive(state: TransferState): boolean {
  return state === 'accepted' || state === 'running' || state === 'paused';
}

/**
 * The newer of two views of one transfer: an update that is older, or that would leave a final
 * state or go backwards, is ignored (events can cross a file:list answer).
 */
export function mergeTransfer(current: FileTransfer | undefined, incoming: FileTransfer): FileTransfer {
  if (!current) return incoming;
  if (incoming.updatedAt < current.updatedAt) return current;
  if (!canMove(current.state, incoming.state)) return current;
  return incoming;
}

/** What a page shows for a transfer: the server's state refined by what this page is doing. */
export type TransferPhase =
  | 'awaiting-consent'
  | 'offered'
  | 'connecting'
  | 'running'
  | 'paused'
  | 'needs-file'
  | 'hashing'
  | 'verified'
  | 'failed'
  | 'cancelled'
  | 'denied';

export interface LocalFacts {
  /** This page sends the transfer and no longer holds the file (it was reloaded). */
  readonly missingSource: boolean;
  /** A data link to the other party is open. */
  readonly linked: boolean;
  /** All chunks are through; this page is computing the whole-file hash. */
  readonly hashing: boolean;
}

export function phaseOf(transfer: FileTransfer, local: LocalFacts): TransferPhase {
  const { state } = transfer;
  if (!isLive(state)) return state as TransferPhase;
  if (local.missingSource) return 'needs-file';
  if (local.hashing) return 'hashing';
  if (state === 'paused') return 'paused';
  if (!local.linked || state === 'accepted') return 'connecting';
  return 'running';
}
