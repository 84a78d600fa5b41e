import type { Browser, Page } from 'puppeteer-core';
import { openWindow } from '../../support/browser';
import type { Credentials } from '../../support/signaling-client';
import { waitFor } from '../../support/wait-for';
import { attribute, byTestId, callDebugHook, click, enabledIs, sendChat, stateIs, textAppears, texts, type, visible } from './page-helpers';

export interface ScreenStats {
  framesDecoded: number;
  frameWidth: number;
  frameHeight: number;
}

/** The session tab in front (the console may hold several sessions). */
const ACTIVE_SESSION = '[data-testid="session-view"]:not([hidden])';

/** The agent console as an agent, a supervisor or an admin drives it. */
export class AgentConsolePage {
  private constructor(readonly page: Page) {}

  /** Opens the console; `hash` e.g. `#assist=123456789` (an assist link). */
  static async open(browser: Browser, baseUrl: string, hash = ''): Promise<AgentConsolePage> {
    return new AgentConsolePage(await openWindow(browser, `${baseUrl}/console/${hash}`));
  }

  /** A selector for a control of the session in front. */
  inSession(id: string): string {
    return byTestId(id, ACTIVE_SESSION);
  }

  /** Signs in with an account and waits for that role's home. */
  async signIn(who: Credentials): Promise<void> {
    await type(this.page, byTestId('sign-in-username'), who.username);
    await type(this.page, byTestId('sign-in-password'), who.password);
    await click(this.page, byTestId('sign-in-submit'));
    await visible(this.page, byTestId('sign-out'));
  }

  /** Starts a session and returns its number as digits. */
  async startSession(): Promise<string> {
    const before = await this.tabNumbers();
    await click(this.page, byTestId('start-session'));
    return waitFor('a new session number', async () => {
      const [shown] = await texts(this.page, this.inSession('session-number'));
      const digits = shown?.replace(/\D/g, '');
      return digits?.length === 9 && !before.includes(digits) ? digits : undefined;
    });
  }

  /** Clicks Start session expecting a refusal; returns the message shown. */
  async startSessionRefused(state = 'session-limit'): Promise<string> {
    await click(this.page, byTestId('start-session'));
    await stateIs(this.page, byTestId('start-error'), state);
    const [message] = await texts(this.page, byTestId('start-error'));
    return message ?? '';
  }

  /** Session numbers of the open tabs, in order. */
  tabNumbers(): Promise<string[]> {
    return this.page.$$eval('[data-testid="session-tab"]', (tabs) => tabs.map((tab) => tab.getAttribute('data-number') ?? ''));
  }

  /** Brings the tab of a session to the front. */
  async showSession(number: string): Promise<void> {
    await click(this.page, `[data-testid="session-tab"][data-number="${number}"]`);
    await this.waitForSessionInFront(number);
  }

  /** Joins a session as assistant through the "Assist a session" box (R1.3). */
  async assist(number: string): Promise<void> {
    await type(this.page, byTestId('assist-number'), number);
    await click(this.page, byTestId('assist-submit'));
    await this.waitForSessionInFront(number);
  }

  async waitForSessionInFront(number: string): Promise<void> {
    await waitFor(`session ${number} in front`, async () => (await texts(this.page, this.inSession('session-number')))[0]?.replace(/\D/g, '') === number || undefined);
  }

  /** The supervisor watches a session from the live list. */
  async watch(number: string): Promise<void> {
    await click(this.page, `[data-testid="live-session"][data-number="${number}"] [data-testid="watch-session"]`);
    await this.waitForSessionInFront(number);
  }

  async waitForParticipant(name: string): Promise<void> {
    await textAppears(this.page, this.inSession('participant-name'), name);
  }

  /** A customer asks to join the session in front: the agent in control admits (or declines) them with the keyboard. */
  async answerAdmission(name: string, admit = true): Promise<void> {
    const item = `${ACTIVE_SESSION} [data-testid="admission-item"]`;
    await textAppears(this.page, `${item} [data-testid="admission-name"]`, name);
    await this.page.focus(`${item} [data-testid="${admit ? 'admit-customer' : 'decline-customer'}"]`);
    await this.page.keyboard.press('Enter');
    await waitFor(`${name} answered`, async () => (await texts(this.page, `${item} [data-testid="admission-name"]`)).every((t) => !t.includes(name)) || undefined);
  }

  /** The id of a participant of the session in front, by display name. */
  participantId(name: string): Promise<string> {
    return waitFor(`participant ${name}`, () =>
      this.page.$$eval(
        `${ACTIVE_SESSION} [data-testid="participant-item"]`,
        (items, wanted) => items.find((item) => item.querySelector('[data-testid="participant-name"]')?.textContent === wanted)?.getAttribute('data-participant-id') ?? undefined,
        name,
      ),
    );
  }

  private async inRowOf(name: string, control: string): Promise<string> {
    return `${ACTIVE_SESSION} [data-testid="participant-item"][data-participant-id="${await this.participantId(name)}"] [data-testid="${control}"]`;
  }

  /** The agent in control picks the customer to help (R1.2). */
  async selectCustomer(name: string): Promise<void> {
    const id = await this.participantId(name);
    await click(this.page, await this.inRowOf(name, 'participant-select'));
    await waitFor(`${name} selected`, async () => (await attribute(this.page, `${ACTIVE_SESSION} [data-participant-id="${id}"]`, 'data-selected')) === 'true' || undefined);
  }

  /** Hands control to an assistant (R1.4), confirming in the dialog that says what stops. */
  async transferControlTo(name: string): Promise<void> {
    await click(this.page, await this.inRowOf(name, 'transfer-control'));
    await visible(this.page, byTestId('transfer-control-dialog'));
    expect(await texts(this.page, byTestId('transfer-control-dialog'))).toEqual([expect.stringContaining(name)]);
    await click(this.page, byTestId('confirm-transfer'));
    await this.controlIs('observer');
  }

  /** A watching supervisor takes over as the agent in control. */
  async takeOver(): Promise<void> {
    await click(this.page, this.inSession('take-over'));
    await click(this.page, byTestId('confirm-take-over'));
    await this.controlIs('in-control');
  }

  /** 'in-control', 'observer' (assistant) or 'watching' (supervisor). */
  controlIs(state: string): Promise<true> {
    return stateIs(this.page, this.inSession('control-note'), state);
  }

  endEnabledIs(enabled: boolean): Promise<true> {
    return enabledIs(this.page, this.inSession('end-session'), enabled);
  }

  requestViewEnabledIs(enabled: boolean): Promise<true> {
    return enabledIs(this.page, this.inSession('request-view'), enabled);
  }

  async requestView(): Promise<void> {
    await this.requestViewEnabledIs(true);
    await click(this.page, this.inSession('request-view'));
  }

  viewStatusIs(state: string): Promise<true> {
    return stateIs(this.page, this.inSession('view-status'), state);
  }

  screenStats(): Promise<ScreenStats | null> {
    return this.page.evaluate(() => (window as unknown as { remoteSupportDebug: { screenStats(): Promise<ScreenStats | null> } }).remoteSupportDebug.screenStats());
  }

  /** Waits until the screen of the session in front has decoded more than `count` frames. */
  framesDecodedAbove(count: number): Promise<ScreenStats> {
    return waitFor(`framesDecoded > ${count}`, async () => {
      const stats = await this.screenStats();
      return stats && stats.framesDecoded > count ? stats : undefined;
    });
  }

  /** Calls a debug hook of the console (window.remoteSupportDebug[name]). */
  debug<T>(name: string, ...args: unknown[]): Promise<T> {
    return callDebugHook<T>(this.page, name, args);
  }

  sendChat(text: string, recipientId?: string): Promise<void> {
    return sendChat(this.page, text, ACTIVE_SESSION, recipientId);
  }

  /** A supervisor's private message to an agent of the session. */
  async whisper(text: string, toName: string): Promise<void> {
    await this.sendChat(text, await this.participantId(toName));
  }

  /** Types session notes and waits until they are saved. */
  async typeNotes(text: string): Promise<void> {
    await type(this.page, this.inSession('notes-input'), text);
    await stateIs(this.page, this.inSession('notes-status'), 'saved');
  }

  /** Ends the session after the confirmation and waits for the ended notice with the notes to review (R1.6). */
  async endSession(): Promise<void> {
    await click(this.page, this.inSession('end-session'));
    await visible(this.page, byTestId('end-session-dialog'));
    await click(this.page, byTestId('confirm-end'));
    await visible(this.page, this.inSession('session-ended'));
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
