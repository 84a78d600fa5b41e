import type { QueueEntry } from '@rs/signaling';
import { h, t, type Toaster } from '@rs/web-common';

const SOUND_KEY = 'rs.queueSound';

/**
 * Tells the agent a customer arrived in one of their queues (R1.1): a short chime
 * (Web Audio, nothing to download; can be switched off), a toast, and while the tab
 * is not looked at, the count in the tab title until the agent comes back to it.
 */
export class ArrivalAlert {
  readonly soundToggle: HTMLButtonElement;
  /** For the tests: chimes played and the last title shown. */
  readonly played = { sounds: 0, titles: 0 };
  private audio: AudioContext | null = null;
  private unseen = 0;
  private savedTitle: string | null = null;

  constructor(private readonly toaster: Toaster) {
    this.soundToggle = h('button', {
      className: 'btn btn-ghost btn-small sound-toggle',
      testId: 'queue-sound',
      i18n: 'queues.sound',
      attrs: { type: 'button', 'aria-pressed': String(this.soundOn) },
      on: { click: () => this.setSound(!this.soundOn) },
    });
    window.addEventListener('focus', this.seen);
    document.addEventListener('visibilitychange', this.seen);
  }

  get soundOn(): boolean {
    try {
      return localStorage.getItem(SOUND_KEY) !== 'off';
    } catch {
      return true;
    }
  }

  arrived(entry: QueueEntry): void {
    this.toaster.show('queues.arrival', { name: entry.customerName });
    if (this.soundOn) this.chime();
    if (document.visibilityState === 'visible' && document.hasFocus()) return;
    this.unseen += 1;
    this.savedTitle ??= document.title;
    document.title = `${t('queues.arrivalTitle', { count: this.unseen })} · ${this.savedTitle}`;
    this.played.titles += 1;
  }

  dispose(): void {
    window.removeEventListener('focus', this.seen);
    document.removeEventListener('visibilitychange', this.seen);
    this.seen();
    void this.audio?.close();
  }

  private readonly seen = (): void => {
    if (document.visibilityState !== 'visible') return;
    this.unseen = 0;
    if (this.savedTitle !== null) document.title = this.savedTitle;
    this.savedTitle = null;
  };

  private setSound(on: boolean): void {
    try {
      localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
    } catch {
      // Storage disabled: the choice lasts for this page.
    }
    this.soundToggle.setAttribute('aria-pressed', String(on));
  }

  /** Two short soft tones. */
  private chime(): void {
    try {
      this.audio ??= new AudioContext();
      const audio = this.audio;
      void audio.resume();
      [660, 880].forEach((frequency, index) => {
        const start = audio.currentTime + index * 0.18;
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.16);
        tone.connect(gain).connect(audio.destination);
        tone.start(start);
        tone.stop(start + 0.17);
      });
      this.played.sounds += 1;
    } catch (error) {
      console.warn('arrival chime failed', error);
    }
  }
}
