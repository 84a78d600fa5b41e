import type { MessageKey } from '../i18n/catalogs/en';
import { h } from './dom';

/** The annotation colours, each with the name a screen reader says. */
export const ANNOTATION_COLORS: readonly { value: string; name: MessageKey }[] = [
  { value: '#e53935', name: 'color.red' },
  { value: '#fdd835', name: 'color.yellow' },
  { value: '#1e88e5', name: 'color.blue' },
  { value: '#43a047', name: 'color.green' },
  { value: '#000000', name: 'color.black' },
];

const MOVES: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * A colour picker of swatches (a radio group: one Tab stop, arrow keys move and choose, each swatch
 * named for screen readers) instead of a list of hex codes.
 */
export class ColorSwatches {
  readonly element: HTMLElement;
  private readonly swatches: HTMLButtonElement[];
  private index = 0;

  constructor(label: MessageKey, colors = ANNOTATION_COLORS) {
    this.swatches = colors.map((color, i) => {
      const swatch = h('button', {
        className: 'color-swatch',
        testId: 'annotate-color-swatch',
        i18nAttrs: { 'aria-label': color.name, title: color.name },
        attrs: { type: 'button', role: 'radio', 'data-color': color.value },
        on: { click: () => this.choose(i, false) },
      });
      // Through the CSSOM: the Content-Security-Policy refuses style attributes.
      swatch.style.backgroundColor = color.value;
      return swatch;
    });
    this.element = h('div', { className: 'color-swatches', testId: 'annotate-color', i18nAttrs: { 'aria-label': label }, attrs: { role: 'radiogroup' } }, this.swatches);
    this.element.addEventListener('keydown', (event) => {
      const move = MOVES[event.key];
      if (move === undefined) return;
      event.preventDefault();
      this.choose((this.index + move + this.swatches.length) % this.swatches.length, true);
    });
    this.choose(0, false);
  }

  get value(): string {
    return this.swatches[this.index]?.dataset.color ?? '#000000';
  }

  private choose(index: number, focus: boolean): void {
    this.index = index;
    this.swatches.forEach((swatch, i) => {
      swatch.setAttribute('aria-checked', String(i === index));
      swatch.tabIndex = i === index ? 0 : -1;
    });
    if (focus) this.swatches[index]?.focus();
  }
}
