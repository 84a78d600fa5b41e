import { stringify } from 'csv-stringify/browser/esm/sync';
import type { SessionRecordResponse } from '@rs/signaling';
import { ROLE_LABELS, t } from '@rs/web-common';
import { timelineSentence, type NameOf } from './record-timeline';

/** Byte order mark: spreadsheet programs read the file as UTF-8 (Traditional Chinese names intact). */
const UTF8_BOM = '\uFEFF';
const COLUMNS = ['time', 'type', 'who', 'event', 'text'] as const;
type Line = { at: number; cells: [type: string, who: string, event: string, text: string] };

const iso = (at: number): string => new Date(at).toISOString();

/**
 * One session record as CSV (R10.5), for a manager's spreadsheet: a header row, then everyone who
 * took part (role, joined – left), every event of the timeline as the console words it, every chat
 * message (whispers and private messages marked with their recipient) and the notes, in time order.
 * RFC 4180 quoting by csv-stringify, UTF-8 with a BOM, times in ISO 8601 UTC. No session number.
 */
export function recordCsv(record: SessionRecordResponse, nameOf: NameOf): string {
  const lines: Line[] = [
    ...record.participants.map((p): Line => ({
      at: p.joinedAt,
      cells: ['participant', p.displayName, t(ROLE_LABELS[p.role]), `${iso(p.joinedAt)} – ${p.leftAt === null ? '' : iso(p.leftAt)}`],
    })),
    ...record.audit.map((entry): Line => ({ at: entry.at, cells: ['event', nameOf(entry.actor), timelineSentence(entry, nameOf), ''] })),
    ...record.chat.map((m): Line => ({
      at: m.sentAt,
      cells: [m.whisper ? 'whisper' : m.to !== null ? 'private' : 'chat', m.fromName, m.to === null ? '' : t(m.whisper ? 'chat.whisperTo' : 'chat.privateTo', { name: nameOf(m.to) }), m.text],
    })),
  ];
  lines.sort((a, b) => a.at - b.at);
  if (record.notes) lines.push({ at: record.session.endedAt ?? Date.now(), cells: ['notes', '', '', record.notes] });
  return UTF8_BOM + stringify(lines.map((line) => [iso(line.at), ...line.cells]), { header: true, columns: [...COLUMNS] });
}
