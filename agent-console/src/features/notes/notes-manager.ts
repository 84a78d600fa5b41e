import { TypedEmitter, type SessionChannel } from '@rs/web-common';

export type NotesSaveState = 'idle' | 'saving' | 'saved' | 'failed';

export type NotesEvents = {
  /** The text changed from elsewhere (snapshot, another staff member). */
  remote: [text: string];
  state: [NotesSaveState];
};

const SAVE_DELAY_MS = 600;

/**
 * The session notes (R1.7): typed during the session, saved debounced with
 * `notes:update`; edits by other staff arrive as `notes:updated` and replace
 * the text unless this console has unsaved typing of its own.
 */
export class NotesManager {
  readonly events = new TypedEmitter<NotesEvents>();
  private value = '';
  private saveState: NotesSaveState = 'idle';
  private timer: number | null = null;
  private dirty = false;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly channel: SessionChannel) {
    channel.events.on('snapshot', (snapshot) => this.applyRemote(snapshot.notes ?? ''));
    channel.on('notes:updated', ({ text }) => this.applyRemote(text));
  }

  get text(): string {
    return this.value;
  }

  get state(): NotesSaveState {
    return this.saveState;
  }

  /** The user typed: keep the text and save it shortly. */
  edit(text: string): void {
    this.value = text;
    this.dirty = true;
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  /** Saves pending typing now (before the session ends); resolves once saved or failed. */
  async flush(): Promise<void> {
    if (this.timer !== null) await this.save();
    await this.saving;
  }

  close(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    this.events.removeAllListeners();
  }

  private save(): Promise<void> {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    const text = this.value;
    this.setState('saving');
    this.saving = this.saving.then(async () => {
      try {
        await this.channel.request('notes:update', { sessionId: this.channel.sessionId, text });
        if (this.value === text && this.timer === null) this.dirty = false;
        this.setState(this.dirty ? 'saving' : 'saved');
      } catch (error) {
        console.warn('notes:update failed', error);
        this.setState('failed');
      }
    });
    return this.saving;
  }

  private applyRemote(text: string): void {
    if (this.dirty || text === this.value) return;
    this.value = text;
    this.events.emit('remote', text);
  }

  private setState(state: NotesSaveState): void {
    if (state === this.saveState) return;
    this.saveState = state;
    this.events.emit('state', state);
  }
}
