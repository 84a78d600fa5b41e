import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { openWindow } from '../../support/browser';
import { byTestId, callDebugHook, click, sendChat, type, visible } from './page-helpers';

interface CustomerDebug {
  isSharing(): boolean;
  receivedEventNames(): string[];
  receivedEvents(): { name: string; json: string }[];
}

export interface CustomerPageOptions {
  /** Runs before the app loads, e.g. to take an API away from this "browser". */
  beforeLoad?: (page: Page) => Promise<unknown>;
}

/**
 * The customer client as a customer drives it. Each customer has a browser
 * context of their own (their own storage, as on their own device); `openTab`
 * opens another tab of the same customer's browser.
 */
export class CustomerPage {
  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    private readonly ownsContext: boolean,
  ) {}

  static async open(browser: Browser, baseUrl: string, options: CustomerPageOptions = {}): Promise<CustomerPage> {
    const context = await browser.createBrowserContext();
    return new CustomerPage(await openWindow(context, `${baseUrl}/`, options.beforeLoad), context, true);
  }

  /** Another tab of this customer's browser (same storage). */
  async openTab(baseUrl: string): Promise<CustomerPage> {
    return new CustomerPage(await openWindow(this.context, `${baseUrl}/`), this.context, false);
  }

  /** Closes this tab only (the customer's browser stays). */
  closeTab(): Promise<void> {
    return this.page.close();
  }

  async join(number: string, name: string): Promise<void> {
    await this.submitJoin(number, name);
    await visible(this.page, byTestId('customer-session'));
  }

  async submitJoin(number: string, name: string): Promise<void> {
    await type(this.page, byTestId('join-number'), number);
    await type(this.page, byTestId('join-name'), name);
    await click(this.page, byTestId('join-submit'));
  }

  /** Answers the consent prompt; `grantAll` ticks "grant permission for all actions during this session". */
  async answerConsent(allow: boolean, grantAll = false): Promise<void> {
    await visible(this.page, byTestId('consent-prompt'));
    if (grantAll) await click(this.page, byTestId('consent-grant-all'));
    await click(this.page, byTestId(allow ? 'consent-allow' : 'consent-deny'));
  }

  /** "Withdraw permissions" (R2.2), confirmed in the dialog (or cancelled). */
  async withdrawPermissions(confirm = true): Promise<void> {
    await click(this.page, byTestId('withdraw-consent'));
    await click(this.page, byTestId(confirm ? 'confirm-withdraw' : 'cancel-withdraw'));
  }

  /** Starts recording whether a consent prompt ever appears from now on. */
  async watchForConsentPrompt(): Promise<void> {
    await this.page.evaluate(() => {
      const state = window as unknown as { consentPromptSeen: boolean };
      state.consentPromptSeen = false;
      const seen = (): void => {
        if (document.querySelector('[data-testid="consent-prompt"]')) state.consentPromptSeen = true;
      };
      new MutationObserver(seen).observe(document.body, { childList: true, subtree: true });
      seen();
    });
  }

  consentPromptSeen(): Promise<boolean> {
    return this.page.evaluate(() => (window as unknown as { consentPromptSeen: boolean }).consentPromptSeen);
  }

  sendChat(text: string): Promise<void> {
    return sendChat(this.page, text);
  }

  isSharing(): Promise<boolean> {
    return this.page.evaluate(() => (window as unknown as { remoteSupportDebug: CustomerDebug }).remoteSupportDebug.isSharing());
  }

  /** Calls a debug hook of the client (window.remoteSupportDebug[name]). */
  debug<T>(name: string, ...args: unknown[]): Promise<T> {
    return callDebugHook<T>(this.page, name, args);
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
    if (this.ownsContext) await this.context.close();
  }

  /** Every socket event this page received: name and payload as JSON. */
  receivedEvents(): Promise<{ name: string; json: string }[]> {
    return this.page.evaluate(() => (window as unknown as { remoteSupportDebug: CustomerDebug }).remoteSupportDebug.receivedEvents());
  }
}
