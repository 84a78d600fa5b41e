import type { AcceptResponse, Language, QueueEntry, QueueRecord, TransferNote } from '@rs/signaling';
import type { StaffContext } from '../home/staff-context';

/** What the customer told the help form, and the newest transfer of the session (R1.1, R1.5). */
export interface Intake {
  queueId: string | null;
  customerName: string;
  email: string;
  problem: string;
  fields: Record<string, string>;
  referrer: string;
  language: Language;
  firstMessage: string;
  transfer: TransferNote | null;
}

/** Sessions this page accepted: known at once, without asking the record. */
const accepted = new Map<string, Intake>();

function fromEntry(entry: QueueEntry, transfer: TransferNote | null): Intake {
  const { queueId, customerName, email, problem, fields, referrer, language, firstMessage } = entry;
  return { queueId, customerName, email, problem, fields, referrer, language, firstMessage, transfer: transfer ?? entry.transfer };
}

function fromRecord(record: QueueRecord): Intake {
  const { queueId, customerName, email, problem, fields, referrer, language, firstMessage, transfers } = record;
  return { queueId, customerName, email, problem, fields, referrer, language, firstMessage, transfer: transfers.at(-1) ?? null };
}

export function rememberIntake(response: AcceptResponse): void {
  accepted.set(response.session.id, fromEntry(response.entry, response.transfer));
}

/** The intake of a session from a queue (null for a session started by number); after a reload, from the session record. */
export async function loadIntake(context: StaffContext, sessionId: string): Promise<Intake | null> {
  const known = accepted.get(sessionId);
  if (known) return known;
  try {
    const record = await context.api.sessionRecord(context.token, sessionId);
    const intake = record.queue ? fromRecord(record.queue) : null;
    if (intake) accepted.set(sessionId, intake);
    return intake;
  } catch (error) {
    console.warn('session record unavailable', error);
    return null;
  }
}
