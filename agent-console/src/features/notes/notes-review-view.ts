import type { SessionRecordResponse } from '@rs/signaling';
import { StatusLine, h, setVisible } from '@rs/web-common';
import { renderSessionRecord } from '../record/session-record-view';

/**
 * After the session ended (R1.6): the final notes, read-only (the server no
 * longer accepts edits), and the session record on demand.
 */
export class NotesReviewView {
  readonly element: HTMLElement;
  private readonly finalNotes: HTMLElement;
  private readonly recordSlot: HTMLElement;
  private readonly recordButton: HTMLButtonElement;
  private readonly error = new StatusLine('record-error', 'form-error');
  private record: Promise<SessionRecordResponse> | null = null;

  constructor(
    private readonly load: () => Promise<SessionRecordResponse>,
    private readonly localNotes: () => string,
  ) {
    this.finalNotes = h('pre', { className: 'record-notes notes-final user-text', testId: 'notes-final', attrs: { dir: 'auto' } });
    this.recordSlot = h('div', { className: 'record-slot' });
    this.recordButton = h('button', {
      className: 'btn btn-secondary',
      testId: 'view-record',
      i18n: 'record.view',
      attrs: { type: 'button' },
      on: { click: () => void this.showRecord() },
    });
    this.element = h('div', { className: 'notes-review', testId: 'notes-review' }, [
      h('h3', { className: 'record-heading', i18n: 'notes.review' }),
      this.finalNotes,
      this.recordButton,
      this.error.element,
      this.recordSlot,
    ]);
  }

  /** Called once the session has ended: shows the notes as saved with the session. */
  async show(): Promise<void> {
    this.setNotes(this.localNotes());
    try {
      this.setNotes((await this.fetch()).notes);
    } catch (error) {
      console.warn('session record failed', error);
      this.record = null;
    }
  }

  private setNotes(text: string): void {
    this.finalNotes.textContent = text;
    this.finalNotes.dataset.empty = String(text.length === 0);
  }

  private async showRecord(): Promise<void> {
    this.recordButton.disabled = true;
    this.error.clear();
    try {
      this.recordSlot.replaceChildren(renderSessionRecord(await this.fetch()));
      setVisible(this.recordButton, false);
    } catch (error) {
      console.warn('session record failed', error);
      this.record = null;
      this.error.show('record.failed', 'error');
    } finally {
      this.recordButton.disabled = false;
    }
  }

  private fetch(): Promise<SessionRecordResponse> {
    this.record ??= this.load();
    return this.record;
  }
}
