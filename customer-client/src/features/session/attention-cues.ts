import { z } from 'zod';
import { StoredValue, h, onLanguageChange, t, type MessageKey, type MessageParams } from '@rs/web-common';
import type { CustomerSession } from './customer-session';

const soundSetting = new StoredValue('rs.soundCues', z.boolean());
const BEEP_HZ = 880;
const BEEP_SECONDS = 0.15;

/**
 * Cues for a customer whose tab is in the background (issue 12): an agent joins, the agent admits
 * them, a message arrives, a voice call starts. The tab title says what happened (messages are
 * counted) until the tab is shown again, and a short tone sounds unless the customer turned
 * sound alerts off (the switch is kept for the tab). Nothing happens while the page is in view.
 */
export class AttentionCues {
  /** The sound alerts switch, for the session screen. */
  readonly toggle: HTMLElement;
  /** Tones played so far (read by the tests through the debug hooks). */
  played = 0;
  private readonly baseTitle = document.title;
  private cue: { key: MessageKey; params?: MessageParams } | null = null;
  private unreadMessages = 0;
  private audio: AudioContext | null = null;
  private readonly stops: (() => void)[] = [];

  constructor(private readonly session: CustomerSession) {
    const checkbox = h('input', { testId: 'sound-cues', attrs: { type: 'checkbox', id: 'sound-cues' } });
    checkbox.checked = soundSetting.get() ?? true;
    checkbox.addEventListener('change', () => soundSetting.set(checkbox.checked));
    this.toggle = h('label', { className: 'sound-cues', attrs: { for: 'sound-cues' } }, [checkbox, h('span', { i18n: 'cue.sound' })]);

    session.chat.manager.events.on('added', (message) => {
      if (message.from === session.roster.selfParticipantId) return;
      this.unreadMessages += 1;
      this.notify({ key: 'cue.message', params: { count: this.unreadMessages } }, checkbox.checked);
    });
    session.roster.events.on('joined', (participant) => {
      if (participant.role !== 'customer' && participant.id !== session.roster.selfParticipantId) {
        this.notify({ key: 'cue.agentJoined', params: { name: participant.displayName } }, checkbox.checked);
      }
    });
    let waiting = session.waitingToBeAdmitted;
    session.events.on('waiting', (now) => {
      if (waiting && !now) this.notify({ key: 'cue.admitted' }, checkbox.checked);
      waiting = now;
    });
    let callActive = session.voice.active;
    session.voice.events.on('changed', () => {
      if (session.voice.active && !callActive) this.notify({ key: 'cue.voice' }, checkbox.checked);
      callActive = session.voice.active;
    });
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') this.clear();
    };
    document.addEventListener('visibilitychange', onVisible);
    this.stops.push(() => document.removeEventListener('visibilitychange', onVisible), onLanguageChange(() => this.renderTitle()));
  }

  dispose(): void {
    for (const stop of this.stops) stop();
    this.clear();
    void this.audio?.close().catch(() => undefined);
  }

  private notify(cue: { key: MessageKey; params?: MessageParams }, sound: boolean): void {
    if (document.visibilityState === 'visible') {
      this.unreadMessages = 0;
      return;
    }
    this.cue = cue;
    this.renderTitle();
    if (sound) this.beep();
  }

  private clear(): void {
    this.cue = null;
    this.unreadMessages = 0;
    this.renderTitle();
  }

  private renderTitle(): void {
    document.title = this.cue ? `${t(this.cue.key, this.cue.params)} · ${this.baseTitle}` : this.baseTitle;
  }

  /** A short soft tone (no file to download); a browser that refuses audio just stays silent. */
  private beep(): void {
    this.audio ??= new AudioContext();
    const audio = this.audio;
    // A page the customer clicked into may play sound; otherwise the context stays suspended and nothing is heard.
    audio.resume().then(() => this.tone(audio), (error: unknown) => console.info('sound cue not allowed', error));
  }

  private tone(audio: AudioContext): void {
    if (audio.state !== 'running') return;
    try {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      const now = audio.currentTime;
      oscillator.frequency.value = BEEP_HZ;
      gain.gain.setValueAtTime(0.08, now);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + BEEP_SECONDS);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(now);
      oscillator.stop(now + BEEP_SECONDS);
      this.played += 1;
    } catch (error) {
      console.info('sound cue not played', error);
    }
  }
}
