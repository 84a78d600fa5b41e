import type { SessionRecordResponse } from '@rs/signaling';
import { ModalDialog, StatusLine, h } from '@rs/web-common';
import { renderSessionRecord } from '../record/session-record-view';

/** Opens a past session's record (the same view as at the end of a session) in a dialog. */
export function openHistoryRecord(load: () => Promise<SessionRecordResponse>): void {
  const status = new StatusLine('history-record-status');
  const slot = h('div', { className: 'history-record-slot', testId: 'history-record' }, [status.element]);
  const dialog = new ModalDialog({
    testId: 'history-record-dialog',
    title: 'history.recordTitle',
    body: [slot],
    actions: [{ i18n: 'history.close', testId: 'history-record-close', variant: 'secondary', onSelect: () => undefined }],
    defaultAction: 0,
    onEscape: () => undefined,
  });
  status.show('history.recordLoading', 'progress');
  dialog.open();
  load().then(
    (record) => slot.replaceChildren(renderSessionRecord(record)),
    (error: unknown) => {
      console.warn('session record failed', error);
      status.show('history.recordFailed', 'error');
    },
  );
}
