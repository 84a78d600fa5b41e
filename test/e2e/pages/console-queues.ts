import type { Page } from 'puppeteer-core';
import { waitFor } from '../../support/wait-for';
import { attribute, byTestId, click, textAppears, texts, visible } from './page-helpers';

/** The queue side of the agent console: presence, queue panel, offers, transfer. */
export class ConsoleQueues {
  constructor(readonly page: Page) {}

  /** Chooses a presence in the selector and waits until the server computed it. */
  async setPresence(state: 'available' | 'away'): Promise<void> {
    await visible(this.page, byTestId('presence-select'));
    await this.page.select(byTestId('presence-select'), state);
    await this.presenceIs(state);
  }

  presenceIs(state: string): Promise<true> {
    return waitFor(`presence ${state}`, async () => (await attribute(this.page, byTestId('presence-state'), 'data-state')) === state || undefined);
  }

  /** A selector for a queue of the panel. */
  queue(queueId: string): string {
    return `${byTestId('queue-list')} [data-testid="queue"][data-queue-id="${queueId}"]`;
  }

  /** Waits until a waiting customer of that name is listed in the queue; returns the entry's selector. */
  async waitForCustomer(queueId: string, name: string): Promise<string> {
    await textAppears(this.page, `${this.queue(queueId)} ${byTestId('entry-name')}`, name);
    const entryId = await this.page.$$eval(
      `${this.queue(queueId)} [data-testid="queue-entry"]`,
      (entries, wanted) => entries.find((entry) => entry.querySelector('[data-testid="entry-name"]')?.textContent === wanted)?.getAttribute('data-entry-id') ?? null,
      name,
    );
    if (!entryId) throw new Error(`${name} not in queue ${queueId}`);
    return `${this.queue(queueId)} [data-testid="queue-entry"][data-entry-id="${entryId}"]`;
  }

  /** Waits until nobody of that name is listed in the queue any more. */
  customerGone(queueId: string, name: string, timeoutMs = 15_000): Promise<true> {
    return waitFor(`${name} gone from queue`, async () => !(await texts(this.page, `${this.queue(queueId)} ${byTestId('entry-name')}`)).includes(name) || undefined, { timeoutMs });
  }

  async acceptNext(): Promise<void> {
    await waitFor('Accept next enabled', () => this.page.$eval(byTestId('accept-next'), (b) => !(b as HTMLButtonElement).disabled || undefined));
    await click(this.page, byTestId('accept-next'));
  }

  async accept(entrySelector: string): Promise<void> {
    await click(this.page, `${entrySelector} ${byTestId('accept-entry')}`);
  }

  /** The offer dialog, when one shows. */
  offerShown(): Promise<boolean> {
    return this.page.$(byTestId('offer-dialog')).then((found) => found !== null);
  }
}
