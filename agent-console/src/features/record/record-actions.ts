import type { SessionRecordResponse } from '@rs/signaling';
import { h } from '@rs/web-common';

/**
 * Print (only the record: see the print stylesheet) and Export of one record as JSON.
 * The export leaves the session number out: a record names no way into a session.
 */
export function renderRecordActions(record: SessionRecordResponse, recordElement: () => HTMLElement): HTMLElement {
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
    const blob = new Blob([JSON.stringify({ ...record, session }, null, 2)], { type: 'application/json' });
    const link = h('a', { attrs: { href: URL.createObjectURL(blob), download: `session-record-${record.session.id}.json` } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };
  return h('div', { className: 'record-actions no-print' }, [
    h('button', { className: 'btn btn-secondary btn-small', testId: 'record-print', i18n: 'record.print', attrs: { type: 'button' }, on: { click: print } }),
    h('button', { className: 'btn btn-secondary btn-small', testId: 'record-export-json', i18n: 'record.exportJson', attrs: { type: 'button' }, on: { click: exportJson } }),
  ]);
}
