import type { SessionRecordResponse } from '@rs/signaling';
import { h } from '@rs/web-common';
import { recordCsv } from './record-csv';
import type { NameOf } from './record-timeline';

/**
 * Print (only the record: see the print stylesheet) and Export of one record as CSV or JSON.
 * The exports leave the session number out: a record names no way into a session.
 */
export function renderRecordActions(record: SessionRecordResponse, recordElement: () => HTMLElement, nameOf: NameOf): HTMLElement {
  const print = (): void => {
    const target = recordElement();
    target.classList.add('print-target');
    document.body.classList.add('printing-record');
    const done = (): void => {
      target.classList.remove('print-target');
      document.body.classList.remove('printing-record');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };
  const exportJson = (): void => {
    const { number: _number, ...session } = record.session;
    download(new Blob([JSON.stringify({ ...record, session }, null, 2)], { type: 'application/json' }), `session-record-${record.session.id}.json`);
  };
  const exportCsv = (): void => {
    download(new Blob([recordCsv(record, nameOf)], { type: 'text/csv;charset=utf-8' }), `session-record-${record.session.id}.csv`);
  };
  return h('div', { className: 'record-actions no-print' }, [
    h('button', { className: 'btn btn-secondary btn-small', testId: 'record-print', i18n: 'record.print', attrs: { type: 'button' }, on: { click: print } }),
    h('button', { className: 'btn btn-secondary btn-small', testId: 'record-export-csv', i18n: 'record.exportCsv', attrs: { type: 'button' }, on: { click: exportCsv } }),
    h('button', { className: 'btn btn-secondary btn-small', testId: 'record-export-json', i18n: 'record.exportJson', attrs: { type: 'button' }, on: { click: exportJson } }),
  ]);
}

function download(blob: Blob, fileName: string): void {
  const link = h('a', { attrs: { href: URL.createObjectURL(blob), download: fileName } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
