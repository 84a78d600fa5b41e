import { rmSync } from 'node:fs';
import { launchBrowser } from '../support/browser';
import { toneWav } from '../support/tone-wav';
import { waitFor } from '../support/wait-for';
import { useE2eWorld } from './e2e-world';
import { agentStartsCall, customerJoinsCall, dataIs } from './media-helpers';
import { attribute, byTestId, click } from './pages/page-helpers';
import type { AgentConsolePage } from './pages/agent-console-page';
import { CustomerPage } from './pages/customer-page';

interface AudioStat {
  producerId: string;
  participantId: string;
  packetsReceived: number;
  totalSamplesReceived: number;
}

describe('voice call (R4)', () => {
  const world = useE2eWorld();

  /** Audio packets received by the agent per participant over about two seconds. */
  const packetGrowth = async (agent: AgentConsolePage): Promise<Record<string, number>> => {
    const before = await agent.debug<AudioStat[]>('audioStats');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const after = await agent.debug<AudioStat[]>('audioStats');
    const out: Record<string, number> = {};
    for (const stat of after) out[stat.participantId] = stat.packetsReceived - (before.find((b) => b.producerId === stat.producerId)?.packetsReceived ?? 0);
    return out;
  };
  const micPausedOf = async (sessionId: string, participantId: string): Promise<boolean | undefined> =>
    (await world().producersOf(sessionId)).find((p) => p.source === 'mic' && p.participantId === participantId)?.paused;
  const heard = (agent: AgentConsolePage, participantId: string) =>
    waitFor('the customer reaches the agent', async () => (((await packetGrowth(agent))[participantId] ?? 0) > 20) || undefined);
  const silent = (agent: AgentConsolePage, participantId: string) =>
    waitFor('the customer no longer reaches the agent', async () => (((await packetGrowth(agent))[participantId] ?? -1) === 0) || undefined);

  it('the customer is heard as soon as they join, is told so, mutes and unmutes; the agent mutes them and they are told', async () => {
    const { accounts } = world();
    const agent = await world().signedIn(accounts.alice);
    const number = await agent.startSession();
    const sessionId = await world().sessionIdOf(number);
    const carol = await world().customer(number, 'Carol');
    await agent.waitForParticipant('Carol');
    const carolId = await agent.participantId('Carol');

    await agentStartsCall(agent);
    await dataIs(carol.page, `${byTestId('toast')}[data-i18n="voice.callStarted"]`, 'data-tone', 'info');
    await customerJoinsCall(carol);
    // No mic passing: the customer being helped is heard, and told so.
    await dataIs(carol.page, byTestId('voice-heard'), 'data-heard', 'yes');
    await waitFor('server: Carol live', async () => (await micPausedOf(sessionId, carolId)) === false || undefined);
    await heard(agent, carolId);

    // Self-mute (keyboard: the toggle is a button) pauses the producer on the server; unmute restores.
    await click(carol.page, byTestId('voice-mute-self'));
    await dataIs(carol.page, byTestId('voice-mute-self'), 'aria-pressed', 'true');
    await dataIs(carol.page, byTestId('voice-heard'), 'data-heard', 'muted');
    await waitFor('server: Carol paused', async () => (await micPausedOf(sessionId, carolId)) === true || undefined);
    await silent(agent, carolId);
    await carol.page.focus(byTestId('voice-mute-self'));
    await carol.page.keyboard.press('Enter');
    await dataIs(carol.page, byTestId('voice-mute-self'), 'aria-pressed', 'false');
    await waitFor('server: Carol live again', async () => (await micPausedOf(sessionId, carolId)) === false || undefined);
    await heard(agent, carolId);

    // The agent mutes Carol: the server pauses her producer and she is told.
    const memberRow = `${agent.inSession('voice-member')}[data-participant-id="${carolId}"]`;
    await click(agent.page, `${memberRow} [data-testid="voice-mute-member"]`);
    await waitFor('server: Carol paused by the agent', async () => (await micPausedOf(sessionId, carolId)) === true || undefined);
    await dataIs(carol.page, byTestId('voice-heard'), 'data-heard', 'agent-muted');
    await dataIs(carol.page, `[data-testid="voice-member"][data-participant-id="${carolId}"]`, 'data-muted', 'agent');
    await silent(agent, carolId);
    // She holds the customer floor, so she may unmute herself.
    await click(carol.page, byTestId('voice-mute-self'));
    await dataIs(carol.page, byTestId('voice-heard'), 'data-heard', 'yes');
    await heard(agent, carolId);
  });

  it('after a transfer of control the new agent holds the agent floor', async () => {
    const { accounts } = world();
    const alice = await world().signedIn(accounts.alice);
    const number = await alice.startSession();
    const sessionId = await world().sessionIdOf(number);
    const carol = await world().customer(number, 'Carol');
    await alice.waitForParticipant('Carol');
    const bob = await world().signedIn(accounts.bob, `#assist=${number}`);
    await bob.waitForSessionInFront(number);
    await alice.waitForParticipant('Bob Agent');
    const bobId = await alice.participantId('Bob Agent');
    const carolId = await alice.participantId('Carol');

    await agentStartsCall(alice);
    await customerJoinsCall(carol);
    await click(bob.page, bob.inSession('voice-join'));
    await dataIs(bob.page, bob.inSession('voice-panel'), 'data-joined', 'true');
    await waitFor('server: Bob paused', async () => (await micPausedOf(sessionId, bobId)) === true || undefined);
    const aliceId = await waitFor('Alice\'s microphone', async () =>
      (await world().producersOf(sessionId)).find((p) => p.source === 'mic' && p.participantId !== bobId && p.participantId !== carolId)?.participantId);
    expect(await micPausedOf(sessionId, aliceId)).toBe(false);

    await alice.transferControlTo('Bob Agent');
    await bob.controlIs('in-control');
    const row = (id: string) => `[data-testid="voice-member"][data-participant-id="${id}"]`;
    await dataIs(carol.page, row(bobId), 'data-floor', 'true');
    await dataIs(carol.page, row(aliceId), 'data-floor', 'false');
    await waitFor('server: Bob live, Alice paused, Carol live', async () =>
      ((await micPausedOf(sessionId, bobId)) === false && (await micPausedOf(sessionId, aliceId)) === true && (await micPausedOf(sessionId, carolId)) === false) || undefined);
    await heard(bob, carolId);
  });

  it('three in the call, the mic passed from the customer being helped (A) to B: A stops reaching the agent, B starts (stats and server)', async () => {
    const { accounts } = world();
    const agent = await world().signedIn(accounts.alice);
    const number = await agent.startSession();
    const sessionId = await world().sessionIdOf(number);
    const carol = await world().customer(number, 'Carol');
    const bob = await world().customer(number, 'Bob');
    // A second customer waits until the agent in control admits them (issue 12).
    await agent.answerAdmission('Bob');
    await agent.waitForParticipant('Bob');
    const carolId = await agent.participantId('Carol');
    const bobId = await agent.participantId('Bob');

    await agentStartsCall(agent);
    await customerJoinsCall(carol);
    await customerJoinsCall(bob);

    // The agent consumes both customers' microphones.
    await waitFor('two mics consumed', async () => ((await agent.debug<AudioStat[]>('audioStats')).length >= 2 ? true : undefined));

    const memberRow = (id: string): string => `${agent.inSession('voice-member')}[data-participant-id="${id}"]`;
    const growth = () => packetGrowth(agent);
    const micPaused = (participantId: string) => micPausedOf(sessionId, participantId);

    // Carol, the customer being helped, holds the second floor without any passing.
    await dataIs(agent.page, memberRow(carolId), 'data-floor', 'true');
    await dataIs(carol.page, `[data-testid="voice-member"][data-participant-id="${carolId}"]`, 'data-floor', 'true');
    // Nothing to take back from the customer being helped: she holds the floor by default.
    expect(await agent.page.$(`${memberRow(carolId)} [data-testid="voice-take-mic"]`)).toBeNull();
    await waitFor('server: Carol live, Bob paused', async () => ((await micPaused(carolId)) === false && (await micPaused(bobId)) === true) || undefined);
    const first = await waitFor('Carol reaches the agent, Bob does not', async () => {
      const g = await growth();
      return (g[carolId] ?? 0) > 20 && (g[bobId] ?? 0) === 0 ? g : undefined;
    });
    expect(first[bobId]).toBe(0);

    // Pass it to Bob.
    await click(agent.page, `${memberRow(bobId)} [data-testid="voice-pass-mic"]`);
    await dataIs(agent.page, memberRow(bobId), 'data-floor', 'true');
    await dataIs(agent.page, memberRow(carolId), 'data-floor', 'false');
    await waitFor('server: Bob live, Carol paused', async () => ((await micPaused(bobId)) === false && (await micPaused(carolId)) === true) || undefined);
    const second = await waitFor('Bob reaches the agent, Carol does not', async () => {
      const g = await growth();
      return (g[bobId] ?? 0) > 20 && (g[carolId] ?? 0) === 0 ? g : undefined;
    });
    expect(second[carolId]).toBe(0);
  });

  it('speaking indicators come from the server: the customer speaks, the agent sees it; muted, never', async () => {
    // The customer's browser has a microphone that holds a tone (a voice-like level, not 20 ms beeps).
    const tone = toneWav();
    const toneBrowser = await launchBrowser([`--use-file-for-fake-audio-capture=${tone}`]);
    try {
      const agent = await world().signedIn(world().accounts.bob);
      const number = await agent.startSession();
      const sessionId = await world().sessionIdOf(number);
      const dan = await CustomerPage.open(toneBrowser, world().server.url);
      await dan.join(number, 'Dan');
      await agent.waitForParticipant('Dan');
      const danId = await agent.participantId('Dan');
      await agentStartsCall(agent);
      await customerJoinsCall(dan);
      await waitFor('server: Dan live', async () => (await micPausedOf(sessionId, danId)) === false || undefined);

      const onAgent = `${agent.inSession('voice-member')}[data-participant-id="${danId}"]`;
      const onDan = `[data-testid="voice-member"][data-participant-id="${danId}"]`;
      await dataIs(agent.page, onAgent, 'data-speaking', 'true');
      await dataIs(dan.page, onDan, 'data-speaking', 'true');
      expect(await agent.page.$(`${onAgent} [data-testid="voice-speaking"]`)).not.toBeNull();

      await click(dan.page, byTestId('voice-mute-self'));
      await waitFor('server: Dan paused', async () => (await micPausedOf(sessionId, danId)) === true || undefined);
      await dataIs(agent.page, onAgent, 'data-speaking', 'false');
      // However long the tone goes on, a muted microphone never lights the indicator.
      const seen = new Set<string | null>();
      for (const end = Date.now() + 3000; Date.now() < end; ) {
        seen.add(await attribute(agent.page, onAgent, 'data-speaking'));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect([...seen]).toEqual(['false']);

      await click(dan.page, byTestId('voice-mute-self'));
      await dataIs(agent.page, onAgent, 'data-speaking', 'true');
      await agent.endSession();
    } finally {
      await toneBrowser.close();
      rmSync(tone, { force: true });
    }
  });
});
