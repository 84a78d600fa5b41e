import type { ErrorCode, FileTransferTarget } from '@rs/signaling';
import type { ParticipantRecord, SessionRecord } from '../../store/session-store';
import { isController, isStaff } from '../session-rules';
import type { TransferRecord } from './transfer-record';

export interface Refusal {
  code: ErrorCode;
  message: string;
}

/**
 * Files go between one customer and one member of staff, never customer to customer.
 * Staff sending to a customer must be the agent in control (the consent ledger is theirs to ask);
 * a customer may send to any staff member present. Only a customer's granted folder is a target.
 */
export function refuseOffer(session: SessionRecord, sender: ParticipantRecord, receiver: ParticipantRecord | null, target: FileTransferTarget): Refusal | null {
  if (!receiver || receiver.leftAt !== null) return { code: 'PARTICIPANT_NOT_FOUND', message: 'no such participant here' };
  if (receiver.id === sender.id) return { code: 'INVALID_PAYLOAD', message: 'files go to someone else' };
  if (isStaff(sender) === isStaff(receiver)) return { code: 'FORBIDDEN', message: 'files go between a customer and the agent' };
  if (isStaff(sender) && !isController(session, sender)) return { code: 'NOT_IN_CONTROL', message: 'only the agent in control sends files to a customer' };
  if (target.kind === 'granted-folder' && isStaff(receiver)) return { code: 'INVALID_PAYLOAD', message: 'only a customer grants a folder' };
  return null;
}

/** Customers see their own transfers only; staff see every transfer of the session. */
export function canSeeTransfer(viewer: ParticipantRecord, transfer: TransferRecord): boolean {
  return isStaff(viewer) || isParty(viewer.id, transfer);
}

export function isParty(participantId: string, transfer: Pick<TransferRecord, 'senderId' | 'receiverId'>): boolean {
  return transfer.senderId === participantId || transfer.receiverId === participantId;
}

/** Between these two participants, in either direction (or from -> to only when `directed`). */
export function isBetween(transfer: Pick<TransferRecord, 'senderId' | 'receiverId'>, a: string, b: string, directed = false): boolean {
  return (transfer.senderId === a && transfer.receiverId === b) || (!directed && transfer.senderId === b && transfer.receiverId === a);
}

export type TransferRole = 'sender' | 'receiver' | 'party' | 'party-or-controller';

/** Who may act on a transfer: its receiver (accept, progress...), its sender, either party, or also the agent in control (cancel). */
export function refuseActor(session: SessionRecord, actor: ParticipantRecord, transfer: TransferRecord, role: TransferRole): Refusal | null {
  const allowed =
    role === 'sender' ? actor.id === transfer.senderId
    : role === 'receiver' ? actor.id === transfer.receiverId
    : role === 'party' ? isParty(actor.id, transfer)
    : isParty(actor.id, transfer) || isController(session, actor);
  return allowed ? null : { code: 'FORBIDDEN', message: `only the ${role.replace(/-/g, ' ')} of this transfer may do this` };
}
