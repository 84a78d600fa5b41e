import type { Browser, Page } from 'puppeteer-core';
import { openWindow } from '../../support/browser';
import { waitFor } from '../../support/wait-for';
import { click, sendChat, textAppears, texts, type, visible } from './page-helpers';

export interface ScreenStats {
  framesDecoded: number;
  frameWidth: number;
  frameHeight: number;
}

/** The agent console as a user drives it. */
export class AgentConsolePage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, baseUrl: string): Promise<AgentConsolePage> {
    return new AgentConsolePage(await openWindow(browser, `${baseUrl}/console/`));
  }

  async signIn(username = 'agent', password = 'agent'): Promise<void> {
    await type(this.page, 'sign-in-username', username);
    await type(this.page, 'sign-in-password', password);
    await click(this.page, 'sign-in-submit');
    await visible(this.page, 'start-session');
  }

  /** Starts a session and returns its number as digits. */
  async startSession(): Promise<string> {
    await click(this.page, 'start-session');
    const number = await waitFor('session number', async () => {
      const [shown] = await texts(this.page, 'session-number');
      const digits = shown?.replace(/\D/g, '');
      return digits?.length === 9 ? digits : undefined;
    });
    return number;
  }

  async waitForParticipant(name: string): Promise<void> {
    await textAppears(this.page, 'participant-name', name);
  }

  async requestView(): Promise<void> {
    await waitFor('request-view enabled', () => this.page.$eval('[data-testid="request-view"]', (b) => !(b as HTMLButtonElement).disabled));
    await click(this.page, 'request-view');
  }

  screenStats(): Promise<ScreenStats | null> {
    return this.page.evaluate(() => (window as unknown as { remoteSupportDebug: { screenStats(): Promise<ScreenStats | null> } }).remoteSupportDebug.screenStats());
  }

  /** Waits until the consumed screen track has decoded more than `count` frames. */
  framesDecodedAbove(count: number): Promise<ScreenStats> {
    return waitFor(`framesDecoded > ${count}`, async () => {
      const stats = await this.screenStats();
      return stats && stats.framesDecoded > count ? stats : undefined;
    });
  }

  sendChat(text: string, recipientId?: string): Promise<void> {
    return sendChat(this.page, text, recipientId);
  }

  async endSession(): Promise<void> {
    await click(this.page, 'end-session');
    await visible(this.page, 'end-session-dialog');
    await this.page.keyboard.press('Enter');
    await visible(this.page, 'session-ended');
  }
}
