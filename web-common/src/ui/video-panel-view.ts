import type { ParticipantId } from '@rs/signaling';
import type { ClientErrorCode } from '../connection/api-error';
import { bindText } from '../i18n/translate-dom';
import type { ParticipantRoster } from '../session/participant-roster';
import type { VideoManager, VideoResolution } from '../video/video-manager';
import { h, replaceChildren } from './dom';

export interface VideoPanelOptions {
  video: VideoManager;
  roster: ParticipantRoster;
  /** Whether this page may start its camera now (a customer only once the agent's camera is on, R5.1). */
  canStart: () => boolean;
  /** Whose video is shown large (the agent sees the customer, the customer sees the agent). */
  largeFrom: () => ParticipantId | null;
  onError: (code: ClientErrorCode) => void;
}

/**
 * The video panel (R5): "Start my video"/"Stop my video", the other side large
 * and myself small, a minimise toggle that keeps sending (with an indicator),
 * camera and resolution choice.
 */
export class VideoPanelView {
  readonly element: HTMLElement;
  private readonly startButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly minimiseButton: HTMLButtonElement;
  private readonly body: HTMLElement;
  private readonly large: HTMLVideoElement;
  private readonly small: HTMLVideoElement;
  private readonly others: HTMLElement;
  private readonly sendingNote: HTMLElement;
  private readonly message: HTMLElement;
  private readonly cameraSelect: HTMLSelectElement;
  private readonly resolutionSelect: HTMLSelectElement;
  private minimised = false;

  constructor(private readonly options: VideoPanelOptions) {
    const { video } = options;
    this.startButton = h('button', { className: 'btn btn-primary btn-small', testId: 'video-start', i18n: 'video.start', attrs: { type: 'button' }, on: { click: () => void this.start() } });
    this.stopButton = h('button', { className: 'btn btn-secondary btn-small', testId: 'video-stop', i18n: 'video.stop', attrs: { type: 'button' }, on: { click: () => void video.stop() } });
    this.minimiseButton = h('button', {
      className: 'btn btn-secondary btn-small',
      testId: 'video-minimise',
      i18n: 'video.minimise',
      attrs: { type: 'button', 'aria-expanded': 'true' },
      on: { click: () => this.toggleMinimised() },
    });
    this.large = h('video', { className: 'video-large', testId: 'video-large', attrs: { autoplay: true, playsinline: true } });
    this.large.muted = true;
    this.small = h('video', { className: 'video-self', testId: 'video-self', attrs: { autoplay: true, playsinline: true } });
    this.small.muted = true;
    this.others = h('div', { className: 'video-others' });
    this.sendingNote = h('p', { className: 'video-sending', testId: 'video-still-sending', i18n: 'video.stillSending', attrs: { role: 'status' } });
    this.message = h('p', { className: 'video-message', testId: 'video-message', attrs: { role: 'alert' } });
    this.message.hidden = true;
    // Until it is opened (listing cameras may ask for permission), it offers the default camera by name.
    this.cameraSelect = h('select', { testId: 'video-camera', i18nAttrs: { 'aria-label': 'video.camera' } }, [h('option', { i18n: 'video.camera', attrs: { value: '' } })]);
    this.cameraSelect.addEventListener('focus', () => void this.listCameras());
    this.cameraSelect.addEventListener('change', () => {
      video.deviceId = this.cameraSelect.value || null;
      void video.reconfigure();
    });
    this.resolutionSelect = h('select', { testId: 'video-resolution', i18nAttrs: { 'aria-label': 'video.resolution' } }, [
      h('option', { text: '720p', attrs: { value: '720p' } }),
      h('option', { text: '360p', attrs: { value: '360p' } }),
    ]);
    this.resolutionSelect.addEventListener('change', () => {
      video.resolution = this.resolutionSelect.value as VideoResolution;
      void video.reconfigure();
    });
    this.body = h('div', { className: 'video-body' }, [
      h('div', { className: 'video-stage' }, [this.large, this.small]),
      this.others,
      h('div', { className: 'video-options' }, [this.cameraSelect, this.resolutionSelect]),
    ]);
    this.element = h('section', { className: 'panel video-panel', testId: 'video-panel' }, [
      h('div', { className: 'voice-head' }, [
        h('h2', { className: 'panel-title', i18n: 'video.title' }),
        h('div', { className: 'toolbar-actions' }, [this.startButton, this.stopButton, this.minimiseButton]),
      ]),
      this.message,
      this.sendingNote,
      this.body,
    ]);
    video.events.on('changed', () => this.render());
    video.events.on('error', (code) => {
      bindText(this.message, code === 'MEDIA_LIMIT' ? 'video.limit' : code === 'FORBIDDEN' ? 'video.notYet' : 'video.failed');
      this.message.dataset.code = code;
      this.message.hidden = false;
      options.onError(code);
    });
    options.roster.events.on('changed', () => this.render());
    this.render();
  }

  render(): void {
    const { video } = this.options;
    this.startButton.hidden = video.sending;
    this.startButton.disabled = video.busy || !this.options.canStart();
    this.stopButton.hidden = !video.sending;
    this.sendingNote.hidden = !(video.sending && this.minimised);
    this.body.hidden = this.minimised;
    const local = video.local;
    if ((this.small.srcObject as MediaStream | null)?.getVideoTracks()[0] !== local) this.small.srcObject = local ? new MediaStream([local]) : null;
    this.small.hidden = !local;
    const remotes = video.remote().filter((remote) => remote.track);
    const wanted = this.options.largeFrom();
    const large = remotes.find((remote) => remote.info.participantId === wanted) ?? remotes[0] ?? null;
    const largeTrack = large?.track ?? null;
    if ((this.large.srcObject as MediaStream | null)?.getVideoTracks()[0] !== largeTrack) this.large.srcObject = largeTrack ? new MediaStream([largeTrack]) : null;
    this.large.dataset.participantId = large?.info.participantId ?? '';
    this.large.hidden = !largeTrack;
    replaceChildren(
      this.others,
      remotes
        .filter((remote) => remote !== large)
        .map((remote) => {
          const element = h('video', { className: 'video-other', testId: 'video-other', attrs: { autoplay: true, playsinline: true, 'data-participant-id': remote.info.participantId } });
          element.muted = true;
          element.srcObject = new MediaStream([remote.track as MediaStreamTrack]);
          return element;
        }),
    );
    this.element.dataset.sending = String(video.sending);
    this.element.dataset.minimised = String(this.minimised);
  }

  private async start(): Promise<void> {
    this.message.hidden = true;
    await this.options.video.start();
  }

  private toggleMinimised(): void {
    this.minimised = !this.minimised;
    bindText(this.minimiseButton, this.minimised ? 'video.restore' : 'video.minimise');
    this.minimiseButton.setAttribute('aria-expanded', String(!this.minimised));
    this.render();
  }

  private async listCameras(): Promise<void> {
    const devices = (await navigator.mediaDevices.enumerateDevices()).filter((device) => device.kind === 'videoinput');
    const current = this.cameraSelect.value;
    replaceChildren(this.cameraSelect, devices.map((device, index) => h('option', { text: device.label || `Camera ${index + 1}`, attrs: { value: device.deviceId } })));
    if (current) this.cameraSelect.value = current;
  }
}
