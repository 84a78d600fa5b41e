import type { Browser, Page } from 'puppeteer-core';
import { openWindow } from '../../support/browser';
import { waitFor } from '../../support/wait-for';
import { byTestId, click, sendChat, stateIs, textAppears, texts, type, visible } from './page-helpers';

export interface ScreenStats {
  framesDecoded: number;
  frameWidth: number;
  frameHeight: number;
}

/** The session tab in front (the console may hold several sessions). */
const ACTIVE_SESSION = '[data-testid="session-view"]:not([hidden])';

/** The agent console as a user drives it. */
export class AgentConsolePage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, baseUrl: string): Promise<AgentConsolePage> {
    return new AgentConsolePage(await openWindow(browser, `${baseUrl}/console/`));
  }

  /** A selector for a control of the session in front. */
  inSession(id: string): string {
    return byTestId(id, ACTIVE_SESSION);
  }

  async signIn(username = 'agent', password = 'agent'): Promise<void> {
    await type(this.page, byTestId('sign-in-username'), username);
    await type(this.page, byTestId('sign-in-password'), password);
    await click(this.page, byTestId('sign-in-submit'));
    await visible(this.page, byTestId('start-session'));
  }

  /** Starts a session and returns its number as digits. */
  async startSession(): Promise<string> {
    const before = await texts(this.page, byTestId('session-number'));
    await click(this.page, byTestId('start-session'));
    return waitFor('a new session number', async () => {
      const [shown] = await texts(this.page, this.inSession('session-number'));
      const digits = shown?.replace(/\D/g, '');
      return digits?.length === 9 && !before.some((b) => b.replace(/\D/g, '') === digits) ? digits : undefined;
    });
  }

  async waitForParticipant(name: string): Promise<void> {
    await textAppears(this.page, this.inSession('participant-name'), name);
  }

  async requestView(): Promise<void> {
    const button = this.inSession('request-view');
    await waitFor('request-view enabled', () => this.page.$eval(button, (b) => !(b as HTMLButtonElement).disabled));
    await click(this.page, button);
  }

  viewStatusIs(state: string): Promise<true> {
    return stateIs(this.page, this.inSession('view-status'), state);
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
    return sendChat(this.page, text, ACTIVE_SESSION, recipientId);
  }

  async endSession(): Promise<void> {
    await click(this.page, this.inSession('end-session'));
    await visible(this.page, byTestId('end-session-dialog'));
    await click(this.page, byTestId('confirm-end'));
    await visible(this.page, this.inSession('session-ended'));
  }
}
