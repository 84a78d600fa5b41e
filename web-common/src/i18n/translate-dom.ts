import { formatClockTime } from '../format/clock-time';
import type { MessageKey } from './catalogs/en';
import { t, type MessageParams } from './i18n';

/** Attributes that carry visible or spoken text. */
export type TranslatableAttribute = 'placeholder' | 'aria-label' | 'title';

/*
 * Elements remember which message they show (data-i18n*), so a language change
 * re-translates the page in place without rebuilding any view.
 */

export function bindText(element: HTMLElement, key: MessageKey, params?: MessageParams): void {
  element.dataset.i18n = key;
  if (params) element.dataset.i18nParams = JSON.stringify(params);
  else delete element.dataset.i18nParams;
  element.textContent = t(key, params);
}

export function bindAttribute(element: HTMLElement, attribute: TranslatableAttribute, key: MessageKey, params?: MessageParams): void {
  const bindings = readJson(element.dataset.i18nAttrs);
  bindings[attribute] = { key, params: params ?? null };
  element.dataset.i18nAttrs = JSON.stringify(bindings);
  element.setAttribute(attribute, t(key, params));
}

/** Removes a translated attribute and forgets its binding. */
export function unbindAttribute(element: HTMLElement, attribute: TranslatableAttribute): void {
  const bindings = readJson(element.dataset.i18nAttrs);
  delete bindings[attribute];
  element.dataset.i18nAttrs = JSON.stringify(bindings);
  element.removeAttribute(attribute);
}

/** Shows a time of day in the reader's language, re-formatted when the language changes. */
export function bindClockTime(element: HTMLElement, epochMs: number): void {
  element.dataset.clockTime = String(epochMs);
  element.textContent = formatClockTime(epochMs);
}

/** Re-translates every bound element under `root` (and re-formats bound clock times). */
export function translateTree(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((element) => {
    const key = element.dataset.i18n as MessageKey;
    const params = readJson(element.dataset.i18nParams) as MessageParams;
    element.textContent = t(key, Object.keys(params).length > 0 ? params : undefined);
  });
  root.querySelectorAll<HTMLElement>('[data-clock-time]').forEach((element) => {
    element.textContent = formatClockTime(Number(element.dataset.clockTime));
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-attrs]').forEach((element) => {
    const bindings = readJson(element.dataset.i18nAttrs);
    for (const [attribute, binding] of Object.entries(bindings)) {
      const { key, params } = binding as { key: MessageKey; params: MessageParams | null };
      element.setAttribute(attribute, t(key, params ?? undefined));
    }
  });
}

function readJson(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
