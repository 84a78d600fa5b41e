import { LIMITS } from '@rs/signaling';
import { StatusLine, h, type MessageKey, type StatusTone } from '@rs/web-common';
import type { NotesManager, NotesSaveState } from './notes-manager';

const STATE_LINES: Record<Exclude<NotesSaveState, 'idle'>, { key: MessageKey; tone: StatusTone }> = {
  saving: { key: 'notes.saving', tone: 'progress' },
  saved: { key: 'notes.saved', tone: 'success' },
  failed: { key: 'notes.failed', tone: 'error' },
};

/** The notes panel: a text area saved as the agent types, and a save-state line. */
export class NotesView {
  readonly element: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly status = new StatusLine('notes-status', 'notes-status');

  constructor(private readonly notes: NotesManager) {
    this.input = h('textarea', {
      className: 'input notes-input',
      testId: 'notes-input',
      i18nAttrs: { placeholder: 'notes.placeholder', 'aria-label': 'notes.title' },
      attrs: { rows: 5, maxlength: LIMITS.notesLength },
      on: { input: () => notes.edit(this.input.value) },
    });
    this.input.value = notes.text;
    this.element = h('section', { className: 'panel notes-panel', testId: 'notes-panel' }, [
      h('h2', { className: 'panel-title', i18n: 'notes.title' }),
      this.input,
      this.status.element,
    ]);
    notes.events.on('remote', (text) => {
      this.input.value = text;
    });
    notes.events.on('state', (state) => this.showState(state));
  }

  setEditable(editable: boolean): void {
    this.input.readOnly = !editable;
  }

  private showState(state: NotesSaveState): void {
    if (state === 'idle') return this.status.clear();
    const line = STATE_LINES[state];
    this.status.show(line.key, line.tone, undefined, state);
  }
}
