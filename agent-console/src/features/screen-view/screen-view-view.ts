import { DEFAULT_QUALITY_MODE, QUALITY_PRESETS, QualityModeSchema, type DisplaySurface, type QualityMode } from '@rs/signaling';
import { ScreenStage, StatusLine, bindAttribute, bindText, describePicture, h, replaceChildren, unbindAttribute, type AnnotationManager, type InboundVideoStats } from '@rs/web-common';
import type { AgentScreenManager } from './agent-screen-manager';
import type { RemoteScreen, ScreenViewManager } from './screen-view-manager';
import type { ViewRequestManager } from './view-request-manager';
import { describeViewStatus } from './view-status';

/** What the screen panel needs from its session. */
export interface ScreenViewContext {
  viewRequest: ViewRequestManager;
  screenView: ScreenViewManager;
  agentScreen: AgentScreenManager;
  annotations: AnnotationManager;
  hasCustomer: () => boolean;
  /** Only the agent in control requests and stops; the others watch (R1.3). */
  inControl: () => boolean;
  /** A watching supervisor: sees a lower layer unless they ask for full quality. */
  watchesLowLayer: () => boolean;
  canRequestView: () => boolean;
  requestView: (surface?: DisplaySurface) => Promise<void>;
  /** An annotation tool went on or off (annotating pauses remote control, R3.6). */
  onAnnotating?: (active: boolean) => void;
}

const QUALITY_POLL_MS = 2000;
const SURFACES: DisplaySurface[] = ['monitor', 'window', 'browser'];

/**
 * Request (desktop, window or tab), status line, the shared screen (fit,
 * actual size, full screen, annotations), Stop sharing, quality mode,
 * "Show my screen", and a resolution/fps readout.
 */
export class ScreenViewView {
  readonly element: HTMLElement;
  private readonly requestButton: HTMLButtonElement;
  private readonly surfaceSelect: HTMLSelectElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly showMineButton: HTMLButtonElement;
  private readonly stopMineButton: HTMLButtonElement;
  private readonly mineNote: HTMLElement;
  private readonly picker: HTMLElement;
  private readonly qualitySelect: HTMLSelectElement;
  private readonly qualityParams: HTMLElement;
  private readonly qualityHint: HTMLElement;
  private readonly qualityBox: HTMLElement;
  private readonly fullButton: HTMLButtonElement;
  private readonly status = new StatusLine('view-status', 'view-status');
  readonly stage: ScreenStage;
  private readonly quality: HTMLElement;
  /** Why the picture is what it is, in words (full resolution, the mode, the network, the customer's computer). */
  private readonly pictureReason: HTMLElement;
  private qualityTimer: number | null = null;
  /** The screen shown when the customer's share paused (a reload): it stays frozen until a new one comes. */
  private frozenProducerId: string | null = null;

  constructor(private readonly context: ScreenViewContext) {
    this.surfaceSelect = h(
      'select',
      { testId: 'view-surface', i18nAttrs: { 'aria-label': 'view.surface' } },
      SURFACES.map((surface) => h('option', { i18n: `view.surface.${surface}`, attrs: { value: surface } })),
    );
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
    this.cancelButton = h('button', { className: 'btn btn-secondary', testId: 'cancel-view-request', i18n: 'view.cancelRequest', attrs: { type: 'button' }, on: { click: () => void this.onCancel() } });
    this.showMineButton = h('button', { className: 'btn btn-secondary', testId: 'show-my-screen', i18n: 'view.showMine', attrs: { type: 'button' }, on: { click: () => void context.agentScreen.start() } });
    this.stopMineButton = h('button', { className: 'btn btn-danger', testId: 'stop-my-screen', i18n: 'view.stopMine', attrs: { type: 'button' }, on: { click: () => void context.agentScreen.stop() } });
    this.mineNote = h('p', { className: 'sharing-note', testId: 'my-screen-note', i18n: 'view.myScreen', attrs: { role: 'status' } });
    this.picker = h('div', { className: 'toolbar-actions screen-picker', testId: 'screen-picker' });
    this.qualitySelect = h(
      'select',
      { testId: 'quality-mode', i18nAttrs: { 'aria-label': 'quality.mode' } },
      QualityModeSchema.options.map((mode) => h('option', { i18n: `quality.${mode}`, attrs: { value: mode } })),
    );
    this.qualitySelect.value = DEFAULT_QUALITY_MODE;
    this.qualitySelect.addEventListener('change', () => void this.onQuality());
    this.qualityParams = h('span', { className: 'quality-params', testId: 'quality-params' });
    this.qualityHint = h('span', { className: 'quality-params', testId: 'quality-hint' });
    this.fullButton = h('button', { className: 'btn btn-secondary btn-small', testId: 'full-quality', i18n: 'quality.full', attrs: { type: 'button' }, on: { click: () => void this.onFullLayer() } });
    this.qualityBox = h('label', { className: 'quality-box', testId: 'quality-box' }, [h('span', { i18n: 'quality.mode' }), this.qualitySelect, this.qualityParams, this.qualityHint, this.fullButton]);
    this.quality = h('span', { className: 'screen-quality', testId: 'screen-quality' });
    this.pictureReason = h('p', { className: 'picture-reason', testId: 'picture-reason', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.stage = new ScreenStage({
      stageTestId: 'screen-stage',
      videoTestId: 'screen-video',
      placeholder: h('p', { className: 'screen-placeholder', i18n: 'view.placeholder' }),
      annotations: context.annotations,
      canAnnotate: () => context.inControl(),
      surfaceTestId: 'control-surface',
      onAnnotating: context.onAnnotating,
    });
    this.stage.element.append(this.quality);
    this.element = h('section', { className: 'panel screen-panel', testId: 'screen-panel' }, [
      h('div', { className: 'screen-toolbar' }, [
        h('h2', { className: 'panel-title', i18n: 'view.title' }),
        h('div', { className: 'toolbar-actions' }, [this.surfaceSelect, this.requestButton, this.cancelButton, this.stopButton, this.showMineButton, this.stopMineButton]),
      ]),
      this.status.element,
      this.mineNote,
      this.picker,
      this.qualityBox,
      this.pictureReason,
      this.stage.toolbar,
      this.stage.element,
    ]);
    context.viewRequest.events.on('changed', () => this.render());
    context.screenView.events.on('screen', (screen) => this.showScreen(screen));
    context.screenView.events.on('screens', () => this.render());
    context.screenView.events.on('quality', () => this.render());
    context.screenView.events.on('failed', () => this.status.show('view.status.mediaFailed', 'error', undefined, 'media-failed'));
    context.agentScreen.events.on('changed', () => this.render());
    this.showScreen(context.screenView.screen);
  }

  /** Re-reads the state (also called when the participants or the selection change). */
  render(): void {
    const { viewRequest, screenView, agentScreen } = this.context;
    const shown = screenView.screen;
    const viewing = shown !== null;
    const inControl = this.context.inControl();
    // After a reload the server keeps the old screen for a while: only a new one ends the pause.
    if (viewRequest.pausedReason === null) this.frozenProducerId = null;
    else this.frozenProducerId ??= shown?.producerId ?? '';
    if (shown && shown.producerId !== this.frozenProducerId) viewRequest.resumed();
    const line = describeViewStatus({
      hasCustomer: this.context.hasCustomer(), request: viewRequest.status, viewing, automatic: viewRequest.automatic, inControl,
      waitingResume: viewRequest.pausedReason !== null, recovering: screenView.recovering,
    });
    this.status.show(line.key, line.tone, undefined, line.state);
    this.status.element.dataset.automatic = String(viewRequest.automatic);
    this.requestButton.disabled = !this.context.canRequestView();
    this.surfaceSelect.disabled = this.requestButton.disabled;
    if (inControl) unbindAttribute(this.requestButton, 'title');
    else bindAttribute(this.requestButton, 'title', 'session.onlyController');
    const customerScreens = screenView.screens.filter((screen) => screen.source === 'screen');
    this.stopButton.hidden = customerScreens.length === 0 || !inControl;
    this.cancelButton.hidden = viewRequest.status !== 'pending' || !inControl;
    this.showMineButton.hidden = !inControl || agentScreen.sharing;
    this.showMineButton.disabled = agentScreen.busy;
    this.stopMineButton.hidden = !agentScreen.sharing;
    this.mineNote.hidden = !agentScreen.sharing;
    const screens = screenView.screens;
    this.picker.hidden = screens.length < 2;
    replaceChildren(
      this.picker,
      screens.map((screen, index) =>
        h('button', {
          className: 'btn btn-secondary btn-small',
          testId: 'screen-pick',
          text: `${index + 1}${screen.surface ? ` · ${screen.surface}` : ''}`,
          attrs: { type: 'button', 'data-producer-id': screen.producerId, 'aria-pressed': String(screen === shown) },
          on: { click: () => screenView.select(screen.producerId) },
        }),
      ),
    );
    this.qualityBox.hidden = !viewing;
    this.qualitySelect.disabled = !inControl;
    const mode = shown ? screenView.modeOf(shown.producerId) : DEFAULT_QUALITY_MODE;
    const full = shown !== null && screenView.isFullLayer(shown.producerId);
    this.fullButton.hidden = !this.context.watchesLowLayer();
    this.fullButton.setAttribute('aria-pressed', String(full));
    bindText(this.fullButton, full ? 'quality.fullOff' : 'quality.full');
    if (document.activeElement !== this.qualitySelect) this.qualitySelect.value = mode;
    this.qualityBox.dataset.mode = mode;
    const preset = QUALITY_PRESETS[mode];
    bindText(this.qualityParams, 'quality.params', { bitrate: Math.round(preset.maxBitrate / 1000), fps: preset.maxFramerate, scale: preset.scaleResolutionDownBy });
    bindText(this.qualityHint, `hint.${preset.contentHint}`);
    this.stage.element.dataset.source = shown?.source ?? '';
    this.stage.element.dataset.surface = shown?.surface ?? '';
    this.stage.refresh();
  }

  dispose(): void {
    this.stopQualityReadout();
    this.stage.dispose();
  }

  private async onRequest(): Promise<void> {
    this.requestButton.disabled = true;
    await this.context.requestView(this.surfaceSelect.value as DisplaySurface);
    this.render();
  }

  private async onCancel(): Promise<void> {
    this.cancelButton.disabled = true;
    try {
      await this.context.viewRequest.cancel();
      this.render();
    } catch (error) {
      console.warn('consent:cancel failed', error);
      this.status.show('view.cancelFailed', 'error', undefined, 'cancel-failed');
    } finally {
      this.cancelButton.disabled = false;
    }
  }

  private async onQuality(): Promise<void> {
    const shown = this.context.screenView.screen;
    if (!shown) return;
    try {
      await this.context.screenView.setQuality(shown.producerId, this.qualitySelect.value as QualityMode);
    } catch (error) {
      console.warn('share:set-quality failed', error);
      this.render();
    }
  }

  private async onFullLayer(): Promise<void> {
    const shown = this.context.screenView.screen;
    if (!shown) return;
    try {
      await this.context.screenView.setFullLayer(shown.producerId, !this.context.screenView.isFullLayer(shown.producerId));
    } catch (error) {
      console.warn('share:view-layer failed', error);
    }
    this.render();
  }

  private showScreen(screen: RemoteScreen | null): void {
    this.stage.show(screen?.track ?? null, screen?.producerId ?? null);
    if (screen) this.startQualityReadout();
    else this.stopQualityReadout();
    this.render();
  }

  private startQualityReadout(): void {
    this.stopQualityReadout();
    const tick = async (): Promise<void> => {
      const stats = await this.context.screenView.stats();
      if (stats && stats.frameWidth > 0) {
        bindText(this.quality, 'view.quality', { width: stats.frameWidth, height: stats.frameHeight, fps: Math.round(stats.framesPerSecond) });
      }
      this.explainPicture(stats);
    };
    this.qualityTimer = window.setInterval(() => void tick(), QUALITY_POLL_MS);
    void tick();
  }

  private stopQualityReadout(): void {
    if (this.qualityTimer !== null) window.clearInterval(this.qualityTimer);
    this.qualityTimer = null;
    for (const element of [this.quality, this.pictureReason]) {
      element.textContent = '';
      delete element.dataset.i18n;
    }
    delete this.pictureReason.dataset.reason;
  }

  /** Says whether the picture is reduced and why, from my decoder, the sender's report and the mode. */
  private explainPicture(stats: InboundVideoStats | null): void {
    const { screenView } = this.context;
    const shown = screenView.screen;
    if (!shown) return;
    const received = stats && stats.frameWidth > 0 ? { width: stats.frameWidth, height: stats.frameHeight, fps: stats.framesPerSecond } : null;
    const picture = describePicture({
      received,
      sender: screenView.senderOf(shown.producerId),
      mode: screenView.modeOf(shown.producerId),
      lowLayerByChoice: this.context.watchesLowLayer() && !screenView.isFullLayer(shown.producerId),
    });
    this.pictureReason.dataset.reason = picture.reason;
    this.pictureReason.dataset.reduced = String(picture.reduced);
    bindText(this.pictureReason, `picture.${picture.reason}`, {
      width: received?.width ?? 0,
      height: received?.height ?? 0,
      captureWidth: picture.captureWidth,
      captureHeight: picture.captureHeight,
      fps: picture.modeFps,
      kbps: picture.modeKbps,
    });
  }
}
