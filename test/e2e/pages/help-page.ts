import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { openWindow } from '../../support/browser';
import { waitFor } from '../../support/wait-for';
import { attribute, byTestId, click, texts, type, visible } from './page-helpers';

export interface HelpForm {
  name: string;
  email?: string;
  problem?: string;
  /** The queue to pick when the page offers several. */
  queueId?: string;
}

/**
 * The public help page (/help) as a customer drives it: the form, the waiting
 * room, and then the customer client's session view in the same page.
 * Each customer has a browser context of their own.
 */
export class HelpPage {
  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
  ) {}

  /** `query` e.g. `?ref=https://shop.example/cart&lang=fr`. */
  static async open(browser: Browser, baseUrl: string, query = ''): Promise<HelpPage> {
    const context = await browser.createBrowserContext();
    return new HelpPage(await openWindow(context, `${baseUrl}/help${query}`), context);
  }

  /** A page of this customer's browser that is already on the help page (a popup from the help button). */
  static adopt(page: Page, context: BrowserContext): HelpPage {
    return new HelpPage(page, context);
  }

  async fill(form: HelpForm): Promise<void> {
    await visible(this.page, byTestId('help-form'));
    if (form.queueId) await click(this.page, `${byTestId('help-queue-option')}[data-queue-id="${form.queueId}"]`);
    await type(this.page, byTestId('help-name'), form.name);
    if (form.email) await type(this.page, byTestId('help-email'), form.email);
    if (form.problem) await type(this.page, byTestId('help-problem'), form.problem);
  }

  /** Fills the form, sends it and waits for the waiting room. */
  async askForHelp(form: HelpForm): Promise<void> {
    await this.fill(form);
    await click(this.page, byTestId('help-submit'));
    await visible(this.page, byTestId('waiting-room'));
  }

  /** Waits until the waiting room shows this position (pushed by the server). */
  positionIs(position: number): Promise<true> {
    return waitFor(`waiting position ${position}`, async () => (await attribute(this.page, byTestId('waiting-position'), 'data-position')) === String(position) || undefined);
  }

  async positionText(): Promise<string> {
    return (await texts(this.page, byTestId('waiting-position')))[0] ?? '';
  }

  async estimateText(): Promise<string> {
    return (await texts(this.page, byTestId('waiting-estimate')))[0] ?? '';
  }

  async writeFirstMessage(text: string): Promise<void> {
    await type(this.page, byTestId('waiting-first-message'), text);
    await click(this.page, byTestId('waiting-first-message-send'));
    await waitFor('first message saved', async () => (await attribute(this.page, byTestId('waiting-first-message-status'), 'data-state')) === 'saved' || undefined);
  }

  /** The session view of the customer client, in place (agent-name names the agent once joined). */
  async inSessionWith(agentName: string): Promise<void> {
    await visible(this.page, byTestId('customer-session'));
    await waitFor(`agent ${agentName} named`, async () => (await texts(this.page, byTestId('agent-name')))[0]?.includes(agentName) || undefined);
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
    await this.context.close().catch(() => undefined);
  }
}
