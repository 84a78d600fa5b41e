import { waitFor } from '../support/wait-for';
import { useE2eWorld } from './e2e-world';
import { shareCustomerScreen } from './media-helpers';
import { byTestId, click, visible } from './pages/page-helpers';

describe('screens: desktop, tab, the agent showing their own (R3.1)', () => {
  const world = useE2eWorld();

  it('the agent views the customer desktop, then a tab; the server records the surface', async () => {
    const { accounts } = world();
    const agent = await world().signedIn(accounts.alice);
    const number = await agent.startSession();
    const sessionId = await world().sessionIdOf(number);
    const customer = await world().customer(number, 'Alice');
    await agent.waitForParticipant('Alice');

    await shareCustomerScreen(agent, customer, 'monitor');
    await agent.framesDecodedAbove(5);
    const desktop = await waitFor('screen producer', async () => (await world().producersOf(sessionId)).find((p) => p.source === 'screen'));
    expect(desktop.surface).toBe('monitor');

    await click(agent.page, agent.inSession('stop-share'));
    await waitFor('share stopped', async () => (!(await customer.isSharing()) ? true : undefined));

    await agent.page.select(agent.inSession('view-surface'), 'browser');
    await agent.requestView();
    await visible(customer.page, `${byTestId('consent-text')}[data-surface="browser"]`);
    await customer.answerConsent(true);
    await agent.framesDecodedAbove(0);
    const tab = await waitFor('tab producer', async () => (await world().producersOf(sessionId)).find((p) => p.source === 'screen'));
    // preferCurrentTab: the customer's own tab (co-browse); headless Chromium with the fake UI accepts it.
    expect(tab.surface).toBe('browser');
  });

  it('the agent shows their own screen; the customer page decodes it', async () => {
    const { accounts } = world();
    const agent = await world().signedIn(accounts.alice);
    const number = await agent.startSession();
    const customer = await world().customer(number, 'Alice');
    await agent.waitForParticipant('Alice');
    await click(agent.page, agent.inSession('show-my-screen'));
    await visible(agent.page, agent.inSession('my-screen-note'));
    await visible(customer.page, byTestId('agent-screen-panel'));
    await waitFor('agent screen frames on the customer page', async () => {
      const stats = await customer.debug<{ framesDecoded: number } | null>('agentScreenStats');
      return stats && stats.framesDecoded > 5 ? stats : undefined;
    });
    await click(agent.page, agent.inSession('stop-my-screen'));
    await waitFor('agent screen gone', async () => ((await customer.debug<unknown>('agentScreenStats')) === null ? true : undefined));
  });
});
