/*
 * The embeddable help button: one <script> on any website adds a "Get help" button
 * that opens our help page with the referring page passed along.
 *
 *   <script src="https://support.example.com/help-button.js" async
 *           data-queue="billing" data-lang="fr" data-position="left"></script>
 *
 * A link opening a popup (or a new tab when popups are blocked), never an iframe: our
 * pages refuse to be framed (CSP frame-ancestors 'none'). Built as a classic script of its
 * own (scripts/build.mjs), a few kB, with nothing of the customer client inside.
 */
import { helpButtonLabel } from './help-button-labels';
import { matchLanguage } from '../../../web-common/src/i18n/language-detection';
import { helpPageUrl, type HelpLinkOptions } from './help-page-url';

const POPUP_FEATURES = 'popup,width=520,height=780';
const BLUE = '#2454d6';
const BLUE_HOVER = '#1c45b4';

interface ButtonOptions extends HelpLinkOptions {
  label: string | null;
  position: 'left' | 'right';
}

function readOptions(script: HTMLScriptElement): ButtonOptions {
  const data = script.dataset;
  return {
    origin: new URL(script.src, window.location.href).origin,
    queue: data.queue ?? null,
    lang: data.lang ?? null,
    label: data.label ?? null,
    position: data.position === 'left' ? 'left' : 'right',
  };
}

function styleButton(link: HTMLAnchorElement, position: 'left' | 'right'): void {
  // Styles through the CSSOM: allowed even by a host page's CSP that forbids inline <style>.
  const style = link.style;
  style.position = 'fixed';
  style.bottom = '20px';
  style.setProperty(position, '20px');
  style.zIndex = '2147483000';
  style.padding = '12px 20px';
  style.borderRadius = '999px';
  style.background = BLUE;
  style.color = '#fff';
  style.font = '600 15px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  style.textDecoration = 'none';
  style.boxShadow = '0 6px 20px rgb(16 24 40 / 28%)';
  style.cursor = 'pointer';
  link.addEventListener('mouseenter', () => (style.background = BLUE_HOVER));
  link.addEventListener('mouseleave', () => (style.background = BLUE));
  link.addEventListener('focus', () => (style.outline = '3px solid #ffb020'));
  link.addEventListener('blur', () => (style.outline = 'none'));
}

function addButton(options: ButtonOptions): void {
  const language = matchLanguage(options.lang) ?? matchLanguage(document.documentElement.lang) ?? matchLanguage(navigator.language) ?? 'en';
  // A shadow root keeps the host page's CSS off the button (and the button's off the page).
  const host = document.createElement('div');
  host.setAttribute('data-remote-support', 'help-button');
  const root = host.attachShadow({ mode: 'open' });
  const link = document.createElement('a');
  link.textContent = options.label ?? helpButtonLabel(language);
  link.target = '_blank';
  link.rel = 'noopener';
  link.setAttribute('data-testid', 'help-button');
  styleButton(link, options.position);
  // Built again at each use: a single-page site may have moved to another address since loading.
  const refresh = (): void => {
    link.href = helpPageUrl(options, window.location.href);
  };
  refresh();
  link.addEventListener('focus', refresh);
  link.addEventListener('click', (event) => {
    refresh();
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    // A sized popup; when blocked, the link's own new tab.
    const popup = window.open(link.href, 'remote-support-help', POPUP_FEATURES);
    if (popup) event.preventDefault();
  });
  root.appendChild(link);
  document.body.appendChild(host);
}

const script = document.currentScript;
if (script instanceof HTMLScriptElement) {
  const options = readOptions(script);
  if (document.body) addButton(options);
  else document.addEventListener('DOMContentLoaded', () => addButton(options), { once: true });
}
