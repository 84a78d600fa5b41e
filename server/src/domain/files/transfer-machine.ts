import type { ErrorCode, TransferPath, TransferState } from '@rs/signaling';
import { isFinalTransferState } from '@rs/signaling';
import type { TransferRecord } from './transfer-record';

/**
 * The transfer state machine (pure): awaiting-consent -> offered | accepted (granted-folder) | denied;
 * offered -> accepted | cancelled; accepted | running | paused -> running (progress), paused (a party gone),
 * verified (both hashes equal), failed, cancelled. "Resumed" is paused -> running on the receiver's next progress.
 */
export type TransferAction =
  | { kind: 'consent-granted' }
  | { kind: 'consent-refused'; reason: string }
  | { kind: 'accept' }
  | { kind: 'decline' }
  | { kind: 'cancel'; reason: string }
  | { kind: 'progress'; verifiedChunks: number; reset: boolean }
  | { kind: 'resend'; fromChunk: number }
  | { kind: 'complete'; side: 'sender' | 'receiver'; sha256: string }
  | { kind: 'fail'; reason: string }
  | { kind: 'path'; path: TransferPath }
  | { kind: 'pause' };

export type TransitionResult = { ok: true; next: TransferRecord } | { ok: false; code: ErrorCode; message: string };

/** States where data may be moving (or about to): signals and the relay need one of these. */
export const LIVE_TRANSFER_STATES: readonly TransferState[] = ['offered', 'accepted', 'running', 'paused'];
const MOVING: readonly TransferState[] = ['accepted', 'running', 'paused'];

export function isLiveTransfer(record: Pick<TransferRecord, 'state'>): boolean {
  return LIVE_TRANSFER_STATES.includes(record.state);
}

/** The state a transfer starts in, once consent is (or need not be) given. */
export function startState(target: TransferRecord['target']): TransferState {
  return target.kind === 'granted-folder' ? 'accepted' : 'offered';
}

function refuse(message: string, code: ErrorCode = 'TRANSFER_STATE'): TransitionResult {
  return { ok: false, code, message };
}

/** Applies an action at time `at`; never mutates its input. */
export function transition(record: TransferRecord, action: TransferAction, at: number): TransitionResult {
  const { state } = record;
  const to = (patch: Partial<TransferRecord>): TransitionResult => ({ ok: true, next: { ...record, ...patch, updatedAt: at } });
  if (isFinalTransferState(state)) return refuse(`the transfer is already ${state}`);
  switch (action.kind) {
    case 'consent-granted':
      return state === 'awaiting-consent' ? to({ state: startState(record.target) }) : refuse('no consent is awaited');
    case 'consent-refused':
      return state === 'awaiting-consent' ? to({ state: 'denied', reason: action.reason }) : refuse('no consent is awaited');
    case 'accept':
      return state === 'offered' ? to({ state: 'accepted' }) : refuse(`cannot accept a transfer that is ${state}`);
    case 'decline':
      return state === 'offered' ? to({ state: 'cancelled', reason: 'DECLINED' }) : refuse(`cannot decline a transfer that is ${state}`);
    case 'cancel':
      return to({ state: state === 'awaiting-consent' ? 'denied' : 'cancelled', reason: action.reason });
    case 'fail':
      return to({ state: 'failed', reason: action.reason });
    case 'pause':
      return MOVING.includes(state) ? to({ state: 'paused' }) : refuse(`cannot pause a transfer that is ${state}`);
    case 'path':
      return state === 'awaiting-consent' ? refuse('consent is not given yet') : to({ path: action.path });
    case 'progress':
      return progress(record, action.verifiedChunks, action.reset, to);
    case 'resend':
      if (!MOVING.includes(state)) return refuse(`cannot resend in a transfer that is ${state}`);
      return action.fromChunk < record.chunkCount ? to({}) : refuse('no such chunk', 'INVALID_PAYLOAD');
    case 'complete':
      return complete(record, action.side, action.sha256, to);
  }
}

function progress(record: TransferRecord, verifiedChunks: number, reset: boolean, to: (patch: Partial<TransferRecord>) => TransitionResult): TransitionResult {
  if (!MOVING.includes(record.state)) return refuse(`no progress in a transfer that is ${record.state}`);
  if (verifiedChunks > record.chunkCount) return refuse(`at most ${record.chunkCount} chunks`, 'INVALID_PAYLOAD');
  if (verifiedChunks < record.verifiedChunks && !reset) return refuse('progress never goes back (send reset)', 'INVALID_PAYLOAD');
  return to({ state: 'running', verifiedChunks, receiverSha256: reset ? null : record.receiverSha256 });
}

function complete(
  record: TransferRecord,
  side: 'sender' | 'receiver',
  sha256: string,
  to: (patch: Partial<TransferRecord>) => TransitionResult,
): TransitionResult {
  if (!MOVING.includes(record.state)) return refuse(`cannot complete a transfer that is ${record.state}`);
  const senderSha256 = side === 'sender' ? sha256 : record.senderSha256;
  const receiverSha256 = side === 'receiver' ? sha256 : record.receiverSha256;
  const verifiedChunks = side === 'receiver' ? record.chunkCount : record.verifiedChunks;
  if (senderSha256 === null || receiverSha256 === null) return to({ senderSha256, receiverSha256, verifiedChunks });
  if (senderSha256 !== receiverSha256) return to({ senderSha256, receiverSha256, verifiedChunks, state: 'failed', reason: 'HASH_MISMATCH' });
  return to({ senderSha256, receiverSha256, verifiedChunks, state: 'verified', sha256, reason: null });
}
