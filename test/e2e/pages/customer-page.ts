import type { Browser, Page } from 'puppeteer-core';
import { openWindow } from '../../support/browser';
import { byTestId, callDebugHook, click, sendChat, type, visible } from './page-helpers';

interface CustomerDebug {
  isSharing(): boolean;
  receivedEventNames(): string[];
  receivedEvents(): { name: string; json: string }[];
}

/** The customer client as a customer drives it. */
export class CustomerPage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, baseUrl: string): Promise<CustomerPage> {
    return new CustomerPage(await openWindow(browser, `${baseUrl}/`));
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

  /** "Withdraw permissions" (R2.2). */
  withdrawPermissions(): Promise<void> {
    return click(this.page, byTestId('withdraw-consent'));
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

  close(): Promise<void> {
    return this.page.close();
  }

  /** Every socket event this page received: name and payload as JSON. */
  receivedEvents(): Promise<{ name: string; json: string }[]> {
    return this.page.evaluate(() => (window as unknown as { remoteSupportDebug: CustomerDebug }).remoteSupportDebug.receivedEvents());
  }
}
