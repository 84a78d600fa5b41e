import type { LiveSession } from '@rs/signaling';
import { TypedEmitter, type SignalingClient } from '@rs/web-common';

export type LiveSessionsEvents = {
  changed: [LiveSession[]];
  failed: [];
};

const REFRESH_MS = 3000;

/** The live sessions of this supervisor's agents (`supervisor:sessions`), refreshed every few seconds while connected. */
export class LiveSessionsManager {
  readonly events = new TypedEmitter<LiveSessionsEvents>();
  private sessions: LiveSession[] = [];
  private timer: number | null = null;
  private closed = false;
  private running = false;

  constructor(private readonly signaling: SignalingClient) {
    signaling.connection.on('connected', () => void this.refresh());
    if (signaling.connected) void this.refresh();
  }

  list(): LiveSession[] {
    return [...this.sessions];
  }

  async refresh(): Promise<void> {
    if (this.closed || this.running) return;
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    this.running = true;
    try {
      this.sessions = (await this.signaling.request('supervisor:sessions', {})).sessions;
      if (!this.closed) this.events.emit('changed', this.list());
    } catch (error) {
      console.warn('supervisor:sessions failed', error);
      if (!this.closed) this.events.emit('failed');
    } finally {
      this.running = false;
    }
    if (!this.closed && this.signaling.connected) this.timer = window.setTimeout(() => void this.refresh(), REFRESH_MS);
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.events.removeAllListeners();
  }
}
