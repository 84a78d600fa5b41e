import type { MessageKey } from '../i18n/catalogs/en';
import type { MessageParams } from '../i18n/i18n';
import { bindAttribute, bindText, type TranslatableAttribute } from '../i18n/translate-dom';

export type Child = Node | string | null | undefined | false;

type Listeners = { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };

export interface ElementOptions {
  className?: string;
  /** `data-testid`, for the end-to-end tests. */
  testId?: string;
  /** Literal text (user content is always set as text, never as HTML). */
  text?: string;
  /**
   * Text someone typed (a name, a message): set as text, in its own direction
   * (`dir="auto"`) and isolated from the text around it (class `user-text`:
   * `unicode-bidi: isolate`, long words wrap), so it cannot reorder or widen the page.
   */
  userText?: string;
  /** Translated text, kept in sync with the language picker. */
  i18n?: MessageKey;
  params?: MessageParams;
  i18nAttrs?: Partial<Record<TranslatableAttribute, MessageKey>>;
  attrs?: Record<string, string | number | boolean>;
  on?: Listeners;
}

/** Builds an element: `h('button', {className:'btn', i18n:'chat.send', on:{click}})`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.testId) element.dataset.testid = options.testId;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  if (options.i18n) bindText(element, options.i18n, options.params);
  else if (options.text !== undefined) element.textContent = options.text;
  else if (options.userText !== undefined) setUserText(element, options.userText);
  for (const [attribute, key] of Object.entries(options.i18nAttrs ?? {})) {
    bindAttribute(element, attribute as TranslatableAttribute, key);
  }
  for (const [type, listener] of Object.entries(options.on ?? {})) {
    element.addEventListener(type, listener as EventListener);
  }
  append(element, children);
  return element;
}

/** Shows text someone typed in an element: its own direction, isolated from its neighbours (see ElementOptions.userText). */
export function setUserText(element: HTMLElement, text: string): void {
  element.textContent = text;
  element.dir = 'auto';
  element.classList.add('user-text');
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export function setVisible(element: HTMLElement, visible: boolean): void {
  element.hidden = !visible;
}

/** Focusable descendants, in tab order, for focus traps. */
export function focusableIn(root: HTMLElement): HTMLElement[] {
  const selector = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((element) => !element.hidden && element.offsetParent !== null);
}
