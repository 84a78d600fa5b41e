import { StatusLine, bindAttribute, bindText, h, unbindAttribute } from '@rs/web-common';
import type { RemoteScreen, ScreenViewManager } from './screen-view-manager';
import type { ViewRequestManager } from './view-request-manager';
import { describeViewStatus } from './view-status';

/** What the screen panel needs from its session. */
export interface ScreenViewContext {
  viewRequest: ViewRequestManager;
  screenView: ScreenViewManager;
  hasCustomer: () => boolean;
  /** Only the agent in control requests and stops; the others watch (R1.3). */
  inControl: () => boolean;
  canRequestView: () => boolean;
  requestView: () => Promise<void>;
}

const QUALITY_POLL_MS = 2000;

/** Request button, status line, the customer's screen (scaled to fit) with Stop sharing and a quality readout. */
export class ScreenViewView {
  readonly element: HTMLElement;
  private readonly requestButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly fullscreenButton: HTMLButtonElement;
  private readonly status = new StatusLine('view-status', 'view-status');
  private readonly video: HTMLVideoElement;
  private readonly stage: HTMLElement;
  private readonly quality: HTMLElement;
  private qualityTimer: number | null = null;

  constructor(private readonly context: ScreenViewContext) {
    this.requestButton = h('button', {
      className: 'btn btn-primary',
      testId: 'request-view',
      i18n: 'view.request',
      attrs: { type: 'button' },
      on: { click: () => void this.onRequest() },
    });
    this.stopButton = h('button', {
      className: 'btn btn-danger',
      testId: 'stop-share',
      i18n: 'view.stop',
      attrs: { type: 'button' },
      on: { click: () => void context.screenView.stop().catch((error: unknown) => console.warn('share:stop failed', error)) },
    });
    this.fullscreenButton = h('button', {
      className: 'btn btn-secondary',
      testId: 'screen-fullscreen',
      i18n: 'view.fullscreen',
      attrs: { type: 'button' },
      on: { click: () => void this.stage.requestFullscreen().catch(() => undefined) },
    });
    this.video = h('video', { className: 'screen-video', testId: 'screen-video', attrs: { autoplay: true, muted: true, playsinline: true } });
    this.video.muted = true;
    this.quality = h('span', { className: 'screen-quality', testId: 'screen-quality' });
    this.stage = h('div', { className: 'screen-stage', testId: 'screen-stage' }, [
      this.video,
      h('p', { className: 'screen-placeholder', i18n: 'view.placeholder' }),
      this.quality,
    ]);
    this.element = h('section', { className: 'panel screen-panel', testId: 'screen-panel' }, [
      h('div', { className: 'screen-toolbar' }, [
        h('h2', { className: 'panel-title', i18n: 'view.title' }),
        h('div', { className: 'toolbar-actions' }, [this.requestButton, this.fullscreenButton, this.stopButton]),
      ]),
      this.status.element,
      this.stage,
    ]);
    context.viewRequest.events.on('changed', () => this.render());
    context.screenView.events.on('screen', (screen) => this.showScreen(screen));
    context.screenView.events.on('failed', () => this.status.show('view.status.mediaFailed', 'error', undefined, 'media-failed'));
    this.showScreen(context.screenView.screen);
  }

  /** Re-reads the state (also called when the participants or the selection change). */
  render(): void {
    const { viewRequest, screenView } = this.context;
    const viewing = screenView.screen !== null;
    const inControl = this.context.inControl();
    const line = describeViewStatus({ hasCustomer: this.context.hasCustomer(), request: viewRequest.status, viewing, automatic: viewRequest.automatic, inControl });
    this.status.show(line.key, line.tone, undefined, line.state);
    this.status.element.dataset.automatic = String(viewRequest.automatic);
    this.requestButton.disabled = !this.context.canRequestView();
    if (inControl) unbindAttribute(this.requestButton, 'title');
    else bindAttribute(this.requestButton, 'title', 'session.onlyController');
    this.stopButton.hidden = !viewing || !inControl;
    this.fullscreenButton.hidden = !viewing;
    this.stage.dataset.state = viewing ? 'live' : 'empty';
  }

  dispose(): void {
    this.stopQualityReadout();
  }

  private async onRequest(): Promise<void> {
    this.requestButton.disabled = true;
    await this.context.requestView();
    this.render();
  }

  private showScreen(screen: RemoteScreen | null): void {
    this.video.srcObject = screen ? new MediaStream([screen.track]) : null;
    if (screen) {
      this.video.play().catch(() => undefined);
      this.startQualityReadout();
    } else {
      this.stopQualityReadout();
    }
    this.render();
  }

  private startQualityReadout(): void {
    this.stopQualityReadout();
    const tick = async (): Promise<void> => {
      const stats = await this.context.screenView.stats();
      if (stats && stats.frameWidth > 0) {
        bindText(this.quality, 'view.quality', { width: stats.frameWidth, height: stats.frameHeight, fps: Math.round(stats.framesPerSecond) });
      }
    };
    this.qualityTimer = window.setInterval(() => void tick(), QUALITY_POLL_MS);
    void tick();
  }

  private stopQualityReadout(): void {
    if (this.qualityTimer !== null) window.clearInterval(this.qualityTimer);
    this.qualityTimer = null;
    this.quality.textContent = '';
    delete this.quality.dataset.i18n;
  }
}
