import type { Stroke } from '@rs/signaling';
import { containRect, simplifyPoints, type AnnotationManager } from '../annotation/annotation-manager';
import { h } from './dom';
import { ColorSwatches } from './color-swatches';

export type DisplayMode = 'fit' | 'actual';
export type AnnotationTool = 'none' | 'pen' | 'highlighter' | 'eraser';

export interface ScreenStageOptions {
  /** data-testid of the stage and of its video (the console keeps 'screen-stage'/'screen-video'). */
  stageTestId: string;
  videoTestId: string;
  placeholder: HTMLElement | null;
  annotations: AnnotationManager | null;
  canAnnotate: () => boolean;
  /** data-testid of the picture area that captures remote-control input (where this stage is a control surface). */
  surfaceTestId?: string;
  /** An annotation tool went on or off (annotating pauses remote control, R3.6). */
  onAnnotating?: (active: boolean) => void;
}

const WIDTHS: Record<'pen' | 'highlighter', number> = { pen: 0.004, highlighter: 0.02 };

/**
 * A shared screen on the viewing side (R3.3, R3.6): the video scaled to fit or
 * at actual size (scrolling), full screen, and an annotation canvas laid over
 * the picture itself (the letterboxed content rect), so that strokes stored in
 * content fractions line up whatever each viewer's window size.
 */
export class ScreenStage {
  readonly element: HTMLElement;
  readonly toolbar: HTMLElement;
  readonly video: HTMLVideoElement;
  private readonly wrap: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly colorSelect: ColorSwatches;
  private readonly toolButtons = new Map<AnnotationTool, HTMLButtonElement>();
  private readonly annotationTools: HTMLElement;
  private producerId: string | null = null;
  private mode: DisplayMode = 'fit';
  private tool: AnnotationTool = 'none';
  private drawing: [number, number][] | null = null;
  private readonly resizeObserver: ResizeObserver | null;

  constructor(private readonly options: ScreenStageOptions) {
    this.video = h('video', { className: 'screen-video', testId: options.videoTestId, attrs: { autoplay: true, muted: true, playsinline: true } });
    this.video.muted = true;
    this.canvas = h('canvas', { className: 'annotation-canvas', testId: 'annotation-canvas' });
    this.wrap = h('div', { className: 'stage-wrap', testId: options.surfaceTestId }, [this.video, this.canvas]);
    this.element = h('div', { className: 'screen-stage', testId: options.stageTestId, attrs: { 'data-mode': 'fit', 'data-state': 'empty' } }, [this.wrap, options.placeholder]);
    const modeButton = (mode: DisplayMode, testId: string, i18n: 'stage.fit' | 'stage.actual'): HTMLButtonElement =>
      h('button', { className: 'btn btn-secondary btn-small', testId, i18n, attrs: { type: 'button', 'data-mode': mode }, on: { click: () => this.setMode(mode) } });
    const toolButton = (tool: AnnotationTool, i18n: 'annotate.pen' | 'annotate.highlighter' | 'annotate.eraser'): HTMLButtonElement => {
      const button = h('button', {
        className: 'btn btn-secondary btn-small',
        testId: `annotate-${tool}`,
        i18n,
        attrs: { type: 'button', 'aria-pressed': 'false' },
        on: { click: () => this.setTool(this.tool === tool ? 'none' : tool) },
      });
      this.toolButtons.set(tool, button);
      return button;
    };
    this.colorSelect = new ColorSwatches('annotate.color');
    this.annotationTools = h('div', { className: 'toolbar-actions annotation-tools' }, [
      toolButton('pen', 'annotate.pen'),
      toolButton('highlighter', 'annotate.highlighter'),
      toolButton('eraser', 'annotate.eraser'),
      this.colorSelect.element,
      h('button', { className: 'btn btn-secondary btn-small', testId: 'annotate-clear', i18n: 'annotate.clear', attrs: { type: 'button' }, on: { click: () => void options.annotations?.clear() } }),
      h('button', { className: 'btn btn-secondary btn-small', testId: 'annotate-screenshot', i18n: 'annotate.screenshot', attrs: { type: 'button' }, on: { click: () => void this.downloadScreenshot() } }),
    ]);
    this.annotationTools.hidden = !options.annotations;
    this.toolbar = h('div', { className: 'stage-toolbar', testId: 'stage-toolbar' }, [
      h('div', { className: 'toolbar-actions' }, [
        modeButton('fit', 'display-fit', 'stage.fit'),
        modeButton('actual', 'display-actual', 'stage.actual'),
        h('button', { className: 'btn btn-secondary btn-small', testId: 'screen-fullscreen', i18n: 'stage.fullscreen', attrs: { type: 'button' }, on: { click: () => void this.element.requestFullscreen().catch(() => undefined) } }),
      ]),
      this.annotationTools,
    ]);
    this.toolbar.hidden = true;
    this.canvas.addEventListener('pointerdown', (event) => this.onPointerDown(event));
    this.canvas.addEventListener('pointermove', (event) => this.onPointerMove(event));
    this.canvas.addEventListener('pointerup', () => this.onPointerUp());
    this.canvas.addEventListener('pointercancel', () => this.onPointerUp());
    this.video.addEventListener('resize', () => this.layout());
    this.video.addEventListener('loadedmetadata', () => this.layout());
    this.resizeObserver = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => this.redraw());
    this.resizeObserver?.observe(this.wrap);
    options.annotations?.events.on('changed', () => this.redraw());
  }

  /** The picture area (video and annotation canvas): where remote-control input is captured. */
  get surface(): HTMLElement {
    return this.wrap;
  }

  get currentProducerId(): string | null {
    return this.producerId;
  }

  /** Shows a track (the shared screen `producerId`), or nothing. */
  show(track: MediaStreamTrack | null, producerId: string | null): void {
    this.producerId = track ? producerId : null;
    this.video.srcObject = track ? new MediaStream([track]) : null;
    if (track) this.video.play().catch(() => undefined);
    else this.setTool('none');
    this.element.dataset.state = track ? 'live' : 'empty';
    this.element.dataset.producerId = this.producerId ?? '';
    this.toolbar.hidden = !track;
    this.layout();
  }

  /** Re-reads who may annotate. */
  refresh(): void {
    const can = this.options.canAnnotate();
    for (const button of this.toolButtons.values()) button.disabled = !can;
    if (!can) this.setTool('none');
  }

  setMode(mode: DisplayMode): void {
    this.mode = mode;
    this.element.dataset.mode = mode;
    this.layout();
  }

  setTool(tool: AnnotationTool): void {
    if ((tool === 'none') !== (this.tool === 'none')) this.options.onAnnotating?.(tool !== 'none');
    this.tool = tool;
    this.element.dataset.tool = tool;
    for (const [each, button] of this.toolButtons) button.setAttribute('aria-pressed', String(each === tool));
    this.canvas.classList.toggle('is-active', tool !== 'none');
  }

  /** The picture's rectangle in viewport (client) pixels. */
  contentClientRect(): { x: number; y: number; width: number; height: number } {
    const box = this.wrap.getBoundingClientRect();
    const rect = containRect(box.width, box.height, this.video.videoWidth, this.video.videoHeight);
    return { x: box.left + rect.x, y: box.top + rect.y, width: rect.width, height: rect.height };
  }

  /** Each stroke's points where they are drawn, in client pixels (for tests). */
  renderedStrokes(): { id: string; points: [number, number][] }[] {
    if (!this.producerId || !this.options.annotations) return [];
    const rect = this.contentClientRect();
    return this.options.annotations.on(this.producerId).map((stroke) => ({
      id: stroke.id,
      points: stroke.points.map(([x, y]) => [rect.x + x * rect.width, rect.y + y * rect.height] as [number, number]),
    }));
  }

  /** The current frame with the strokes, as PNG (R3.6 screenshot). */
  async screenshot(): Promise<Blob | null> {
    const width = this.video.videoWidth;
    const height = this.video.videoHeight;
    if (!width || !height) return null;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(this.video, 0, 0, width, height);
    if (this.producerId && this.options.annotations) {
      for (const stroke of this.options.annotations.on(this.producerId)) drawStroke(context, stroke, { x: 0, y: 0, width, height });
    }
    return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob), 'image/png'));
  }

  dispose(): void {
    this.resizeObserver?.disconnect();
  }

  private async downloadScreenshot(): Promise<void> {
    const blob = await this.screenshot();
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const link = h('a', { attrs: { href: url, download: `screenshot-${new Date().toISOString().replace(/[:.]/g, '-')}.png` } });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private layout(): void {
    if (this.mode === 'actual' && this.video.videoWidth > 0) {
      this.wrap.style.width = `${this.video.videoWidth}px`;
      this.wrap.style.height = `${this.video.videoHeight}px`;
    } else {
      this.wrap.style.width = '';
      this.wrap.style.height = '';
    }
    this.redraw();
  }

  private redraw(): void {
    const box = this.wrap.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(box.width * ratio));
    const height = Math.max(1, Math.round(box.height * ratio));
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
    const context = this.canvas.getContext('2d');
    if (!context) return;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, width, height);
    if (!this.producerId || !this.options.annotations) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    const rect = containRect(box.width, box.height, this.video.videoWidth, this.video.videoHeight);
    for (const stroke of this.options.annotations.on(this.producerId)) drawStroke(context, stroke, rect);
    if (this.drawing && this.drawing.length > 0) drawStroke(context, this.pendingStroke(this.drawing), rect);
    this.element.dataset.strokes = String(this.options.annotations.on(this.producerId).length);
  }

  private toContent(event: PointerEvent): [number, number] {
    const rect = this.contentClientRect();
    const clamp = (value: number): number => Math.min(1, Math.max(0, value));
    return [clamp((event.clientX - rect.x) / rect.width), clamp((event.clientY - rect.y) / rect.height)];
  }

  private pendingStroke(points: [number, number][]): Stroke {
    const tool = this.tool === 'highlighter' ? 'highlighter' : 'pen';
    return { id: crypto.randomUUID(), producerId: this.producerId ?? '', tool, color: this.colorSelect.value, width: WIDTHS[tool], points };
  }

  private onPointerDown(event: PointerEvent): void {
    if (this.tool === 'none' || !this.producerId || !this.options.canAnnotate()) return;
    event.preventDefault();
    const point = this.toContent(event);
    if (this.tool === 'eraser') {
      const hit = this.strokeAt(point);
      if (hit) void this.options.annotations?.erase(hit);
      return;
    }
    this.canvas.setPointerCapture?.(event.pointerId);
    this.drawing = [point];
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.drawing) return;
    this.drawing.push(this.toContent(event));
    this.redraw();
  }

  private onPointerUp(): void {
    const points = this.drawing;
    this.drawing = null;
    if (!points || !this.producerId) return;
    const stroke = this.pendingStroke(simplifyPoints(points));
    void this.options.annotations?.draw(stroke);
  }

  /** The topmost stroke passing near a point (content fractions). */
  private strokeAt([x, y]: [number, number]): string | null {
    if (!this.producerId || !this.options.annotations) return null;
    const strokes = this.options.annotations.on(this.producerId).reverse();
    for (const stroke of strokes) {
      const reach = Math.max(0.01, stroke.width);
      if (stroke.points.some(([px, py]) => Math.hypot(px - x, py - y) <= reach)) return stroke.id;
    }
    return null;
  }
}

function drawStroke(context: CanvasRenderingContext2D, stroke: Stroke, rect: { x: number; y: number; width: number; height: number }): void {
  context.save();
  context.strokeStyle = stroke.color;
  context.fillStyle = stroke.color;
  context.globalAlpha = stroke.tool === 'highlighter' ? 0.35 : 1;
  context.lineWidth = Math.max(1, stroke.width * rect.width);
  context.lineCap = 'round';
  context.lineJoin = 'round';
  const at = ([x, y]: [number, number]): [number, number] => [rect.x + x * rect.width, rect.y + y * rect.height];
  const [first, ...rest] = stroke.points;
  if (first) {
    context.beginPath();
    context.moveTo(...at(first));
    if (rest.length === 0) context.lineTo(...at(first));
    for (const point of rest) context.lineTo(...at(point));
    context.stroke();
  }
  context.restore();
}
