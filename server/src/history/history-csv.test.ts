import { parse } from 'csv-parse/sync';
import type { HistoryRow } from '@rs/signaling';
import { historyCsv } from './history-csv';

const row: HistoryRow = {
  sessionId: '7f1c1a52-8d1e-4d0e-9a5e-1c6a3f7b2e10', number: '123456789', state: 'ended',
  startedAt: Date.UTC(2026, 10, 2, 9, 30), endedAt: Date.UTC(2026, 10, 2, 9, 45), durationSeconds: 900,
  agentId: 'a', agentName: 'Ann, "the" agent', customerNames: ['陳小明', 'Zoë'], customerEmails: ['ming@example.tw', ''],
  endedByName: null, queueName: null, notes: 'line one\nline two; "quoted", comma',
};

describe('history CSV', () => {
  it('starts with a UTF-8 BOM and a header row', () => {
    const csv = historyCsv([]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).trim()).toBe('startedAt,endedAt,durationSeconds,agentName,customerNames,customerEmails,number,queueName,endedByName,notes');
  });

  it('round-trips quotes, commas, new lines and Traditional Chinese through a CSV parser', () => {
    const bytes = Buffer.from(historyCsv([row]), 'utf8');
    const [parsed]: Record<string, string>[] = parse(bytes, { bom: true, columns: true });
    expect(parsed).toEqual({
      startedAt: '2026-11-02T09:30:00.000Z', endedAt: '2026-11-02T09:45:00.000Z', durationSeconds: '900',
      agentName: 'Ann, "the" agent', customerNames: '陳小明; Zoë', customerEmails: 'ming@example.tw; ', number: '123456789',
      queueName: '', endedByName: '', notes: 'line one\nline two; "quoted", comma',
    });
  });
});
