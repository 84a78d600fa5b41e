import { useE2eWorld } from './e2e-world';
import { dataIs } from './media-helpers';
import { byTestId, click, enabledIs, visible } from './pages/page-helpers';

describe('video (R5)', () => {
  const world = useE2eWorld();

  it('the agent and the selected customer send video; a third sender is refused with a message', async () => {
    const { accounts } = world();
    const agent = await world().signedIn(accounts.alice);
    // Room for the panels beside the toasts.
    await agent.page.setViewport({ width: 1400, height: 1000 });
    const number = await agent.startSession();
    const carol = await world().customer(number, 'Carol');
    const bob = await world().customer(number, 'Bob');
    // A second customer waits until the agent in control admits them (issue 12).
    await agent.answerAdmission('Bob');
    await agent.waitForParticipant('Bob');
    await agent.selectCustomer('Carol');
    const carolId = await agent.participantId('Carol');

    // The customer can start only once the agent's camera is on (R5.1).
    await enabledIs(carol.page, byTestId('video-start'), false);
    await click(agent.page, agent.inSession('video-start'));
    await dataIs(agent.page, agent.inSession('video-panel'), 'data-sending', 'true');

    await enabledIs(carol.page, byTestId('video-start'), true);
    await click(carol.page, byTestId('video-start'));
    await dataIs(carol.page, byTestId('video-panel'), 'data-sending', 'true');
    // The agent sees Carol large; Carol sees the agent large.
    await dataIs(agent.page, agent.inSession('video-large'), 'data-participant-id', carolId);
    await visible(carol.page, byTestId('video-large'));

    // Bob is a third sender: refused, and told why.
    await enabledIs(bob.page, byTestId('video-start'), true);
    await click(bob.page, byTestId('video-start'));
    await visible(bob.page, byTestId('video-message'));
    await dataIs(bob.page, byTestId('video-message'), 'data-code', 'MEDIA_LIMIT');
    await dataIs(bob.page, byTestId('video-panel'), 'data-sending', 'false');

    // Minimising keeps sending, with an indicator (R5.3).
    await click(agent.page, agent.inSession('video-minimise'));
    await visible(agent.page, agent.inSession('video-still-sending'));
    await dataIs(agent.page, agent.inSession('video-panel'), 'data-sending', 'true');
  });
});
