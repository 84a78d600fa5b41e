import type { Browser, Page } from 'puppeteer-core';
import { openWindow } from '../../support/browser';
import { byTestId, click, sendChat, type, visible } from './page-helpers';

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

  async answerConsent(allow: boolean): Promise<void> {
    await visible(this.page, byTestId('consent-prompt'));
    await click(this.page, byTestId(allow ? 'consent-allow' : 'consent-deny'));
  }

  sendChat(text: string): Promise<void> {
    return sendChat(this.page, text);
  }

  isSharing(): Promise<boolean> {
    return this.page.evaluate(() => (window as unknown as { remoteSupportDebug: { isSharing(): boolean } }).remoteSupportDebug.isSharing());
  }
}
