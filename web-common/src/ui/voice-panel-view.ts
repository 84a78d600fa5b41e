import type { ParticipantId } from '@rs/signaling';
import type { ClientErrorCode } from '../connection/api-error';
import type { MessageKey } from '../i18n/catalogs/en';
import { bindText } from '../i18n/translate-dom';
import type { ParticipantRoster } from '../session/participant-roster';
import type { VoiceManager } from '../voice/voice-manager';
import { h, replaceChildren } from './dom';

export interface VoicePanelOptions {
  voice: VoiceManager;
  roster: ParticipantRoster;
  /** The agent in control starts/ends the call and passes the microphone. */
  canManage: () => boolean;
  /** The customer being helped, who holds the second floor unless the mic was passed (no "take back" on them). */
  helpedCustomerId?: () => ParticipantId | null;
  onError: (code: ClientErrorCode) => void;
}

/**
 * The voice call panel (R4): start/end (agent in control), join/leave (anyone),
 * members with the floor (green) and speaking indicators, "Pass the mic",
 * and the audio set-up: microphone choice, test with a level meter, volumes.
 */
export class VoicePanelView {
  readonly element: HTMLElement;
  private readonly status: HTMLElement;
  private readonly startButton: HTMLButtonElement;
  private readonly endButton: HTMLButtonElement;
  private readonly joinButton: HTMLButtonElement;
  private readonly leaveButton: HTMLButtonElement;
  private readonly muteButton: HTMLButtonElement;
  private readonly heard: HTMLElement;
  private readonly members: HTMLUListElement;
  private readonly deviceSelect: HTMLSelectElement;
  private readonly testButton: HTMLButtonElement;
  private readonly meter: HTMLElement;
  private readonly meterBar: HTMLElement;
  private readonly offs: (() => void)[];

  constructor(private readonly options: VoicePanelOptions) {
    const { voice } = options;
    const button = (testId: string, i18n: MessageKey, variant: string, click: () => Promise<void>): HTMLButtonElement =>
      h('button', { className: `btn ${variant} btn-small`, testId, i18n, attrs: { type: 'button' }, on: { click: () => void click() } });
    this.status = h('p', { className: 'voice-status', testId: 'voice-status', attrs: { role: 'status' } });
    this.startButton = button('voice-start', 'voice.start', 'btn-primary', () => voice.start());
    this.endButton = button('voice-end', 'voice.end', 'btn-danger', () => voice.end());
    this.joinButton = button('voice-join', 'voice.join', 'btn-primary', () => voice.join());
    this.leaveButton = button('voice-leave', 'voice.leave', 'btn-secondary', () => voice.leave());
    this.muteButton = button('voice-mute-self', 'voice.muteSelf', 'btn-secondary', () => this.toggleSelfMute());
    this.heard = h('p', { className: 'voice-heard', testId: 'voice-heard', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.members = h('ul', { className: 'voice-members', testId: 'voice-members' });
    this.deviceSelect = h('select', { className: 'voice-device', testId: 'voice-mic-device', i18nAttrs: { 'aria-label': 'voice.microphone' } });
    this.deviceSelect.addEventListener('change', () => void voice.setMicDevice(this.deviceSelect.value || null));
    this.deviceSelect.addEventListener('focus', () => void this.listDevices());
    const range = (testId: string, label: 'voice.speakerVolume' | 'voice.micVolume', max: number, apply: (value: number) => void): HTMLElement => {
      const input = h('input', { testId, attrs: { type: 'range', min: 0, max, step: 0.05, value: 1 } });
      input.addEventListener('input', () => apply(Number(input.value)));
      return h('label', { className: 'voice-range' }, [h('span', { i18n: label }), input]);
    };
    this.testButton = h('button', {
      className: 'btn btn-secondary btn-small',
      testId: 'voice-test-mic',
      i18n: 'voice.testMic',
      attrs: { type: 'button' },
      on: { click: () => (voice.isTesting ? voice.stopTest() : void voice.startTest()) },
    });
    this.meterBar = h('span', { className: 'voice-meter-bar' });
    this.meter = h('span', { className: 'voice-meter', testId: 'voice-level', attrs: { role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 100, 'data-level': 0 } }, [this.meterBar]);
    this.element = h('section', { className: 'panel voice-panel', testId: 'voice-panel' }, [
      h('div', { className: 'voice-head' }, [
        h('h2', { className: 'panel-title', i18n: 'voice.title' }),
        h('div', { className: 'toolbar-actions' }, [this.startButton, this.joinButton, this.muteButton, this.leaveButton, this.endButton]),
      ]),
      this.status,
      this.heard,
      this.members,
      h('details', { className: 'voice-setup' }, [
        h('summary', { i18n: 'voice.setup' }),
        h('label', { className: 'voice-range' }, [h('span', { i18n: 'voice.microphone' }), this.deviceSelect]),
        range('voice-speaker-volume', 'voice.speakerVolume', 1, (value) => voice.setSpeakerVolume(value)),
        range('voice-mic-volume', 'voice.micVolume', 2, (value) => voice.setMicVolume(value)),
        h('div', { className: 'voice-test' }, [this.testButton, this.meter]),
      ]),
    ]);
    this.offs = [
      voice.events.on('changed', () => this.render()),
      voice.events.on('error', (code) => options.onError(code)),
      voice.events.on('level', (level) => this.showLevel(level)),
      voice.events.on('speaking', () => this.render()),
      options.roster.events.on('changed', () => this.render()),
    ];
    this.render();
  }

  render(): void {
    const { voice, roster } = this.options;
    const manage = this.options.canManage();
    const selfId = roster.selfParticipantId;
    this.startButton.hidden = !manage || voice.active;
    this.endButton.hidden = !manage || !voice.active;
    this.joinButton.hidden = !voice.active || voice.joined;
    this.leaveButton.hidden = !voice.joined;
    bindText(this.status, voice.active ? (voice.joined ? 'voice.status.joined' : 'voice.status.active') : 'voice.status.off');
    this.status.dataset.state = voice.active ? (voice.joined ? 'joined' : 'active') : 'off';
    this.testButton.setAttribute('aria-pressed', String(voice.isTesting));
    this.renderSelfMute();
    const members = voice.state?.active ? voice.state.members : [];
    replaceChildren(
      this.members,
      members.map((id) => {
        const floor = voice.hasFloor(id);
        const holder = voice.state?.micHolderId === id;
        const mutedBy = voice.mutedBy(id);
        // From the server's audio levels: the same for everyone, and a muted or floorless mic never speaks.
        const speaking = floor && !mutedBy && voice.isSpeaking(id);
        const canPass = manage && id !== selfId && id !== this.controllerId() && !(holder && id === this.options.helpedCustomerId?.());
        return h('li', { className: `voice-member${floor ? ' has-floor' : ''}${speaking ? ' is-speaking' : ''}`, testId: 'voice-member', attrs: { 'data-participant-id': id, 'data-floor': String(floor), 'data-speaking': String(speaking), 'data-muted': mutedBy ?? 'false' } }, [
          h('span', { className: 'voice-floor-dot', attrs: { 'aria-hidden': 'true' } }),
          h('span', { className: 'voice-member-name', testId: 'voice-member-name', userText: roster.nameOf(id) ?? '?' }),
          id === selfId ? h('span', { className: 'participant-self', i18n: 'participants.you' }) : null,
          floor ? h('span', { className: 'participant-flag', testId: 'voice-floor', i18n: 'voice.floor' }) : null,
          speaking ? h('span', { className: 'participant-flag', testId: 'voice-speaking', i18n: 'voice.speaking' }) : null,
          mutedBy ? h('span', { className: 'participant-flag', testId: 'voice-muted', i18n: mutedBy === 'agent' ? 'voice.mutedByAgent' : 'voice.muted' }) : null,
          manage && id !== selfId && !mutedBy
            ? h('button', {
                className: 'btn btn-secondary btn-small',
                testId: 'voice-mute-member',
                i18n: 'voice.muteMember',
                attrs: { type: 'button' },
                on: { click: () => void voice.setMuted(id, true) },
              })
            : null,
          canPass
            ? h('button', {
                className: 'btn btn-secondary btn-small',
                testId: holder ? 'voice-take-mic' : 'voice-pass-mic',
                i18n: holder ? 'voice.takeMic' : 'voice.passMic',
                attrs: { type: 'button' },
                on: { click: () => void voice.passMic(holder ? null : id) },
              })
            : null,
        ]);
      }),
    );
    this.element.dataset.active = String(voice.active);
    this.element.dataset.joined = String(voice.joined);
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
  }

  /** My mute toggle (aria-pressed: muted; a native button, so Enter and Space work) and whether I am heard, said in words. */
  private renderSelfMute(): void {
    const { voice } = this.options;
    const selfId = voice.selfParticipantId;
    const muted = selfId !== null && voice.mutedBy(selfId) !== null;
    this.muteButton.hidden = !voice.joined;
    // A toggle keeps its name; aria-pressed says whether it is on.
    this.muteButton.setAttribute('aria-pressed', String(muted));
    const heard = voice.heard;
    this.heard.hidden = heard === null;
    this.heard.dataset.heard = heard ?? 'off';
    if (heard) bindText(this.heard, `voice.heard.${heard}`);
  }

  private toggleSelfMute(): Promise<void> {
    const { voice } = this.options;
    const selfId = voice.selfParticipantId;
    if (!selfId) return Promise.resolve();
    return voice.setMuted(selfId, voice.mutedBy(selfId) === null);
  }

  private controllerId(): ParticipantId | null {
    return this.options.roster.list().find((participant) => participant.role === 'agent')?.id ?? null;
  }

  private showLevel(level: number): void {
    const percent = Math.round(level * 100);
    this.meterBar.style.width = `${percent}%`;
    this.meter.dataset.level = String(percent);
    this.meter.setAttribute('aria-valuenow', String(percent));
  }

  private async listDevices(): Promise<void> {
    const devices = (await navigator.mediaDevices.enumerateDevices()).filter((device) => device.kind === 'audioinput');
    const current = this.deviceSelect.value;
    replaceChildren(
      this.deviceSelect,
      devices.map((device, index) => h('option', { text: device.label || `Microphone ${index + 1}`, attrs: { value: device.deviceId } })),
    );
    if (current) this.deviceSelect.value = current;
  }
}
