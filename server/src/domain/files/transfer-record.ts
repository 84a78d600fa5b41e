import type { FileTransfer } from '@rs/signaling';

/** A transfer as stored: the public FileTransfer plus what only the server reads. */
export interface TransferRecord extends FileTransfer {
  /** The party who is the customer (events about it go to them and to the staff). */
  customerId: string;
  /** The consent request this transfer waits on or went under (agent -> customer offers), null when none was needed. */
  consentId: string | null;
  /** What each side reported with file:complete (compared once both are in). */
  senderSha256: string | null;
  receiverSha256: string | null;
}

/** What clients see of a stored transfer. */
export function toPublicTransfer(record: TransferRecord): FileTransfer {
  const { customerId: _customerId, consentId: _consentId, senderSha256: _sender, receiverSha256: _receiver, ...transfer } = record;
  return transfer;
}
