import { waitFor } from '../support/wait-for';
import { useE2eWorld } from './e2e-world';
import { agentStartsCall, customerJoinsCall, dataIs } from './media-helpers';
import { click } from './pages/page-helpers';

interface AudioStat {
  producerId: string;
  participantId: string;
  packetsReceived: number;
  totalSamplesReceived: number;
}

describe('voice call (R4)', () => {
  const world = useE2eWorld();

  it('three in the call, the mic passed from A to B: A stops reaching the agent, B starts (stats and server)', async () => {
    const { accounts } = world();
    const agent = await world().signedIn(accounts.alice);
    const number = await agent.startSession();
    const sessionId = await world().sessionIdOf(number);
    const carol = await world().customer(number, 'Carol');
    const bob = await world().customer(number, 'Bob');
    await agent.waitForParticipant('Bob');
    const carolId = await agent.participantId('Carol');
    const bobId = await agent.participantId('Bob');

    await agentStartsCall(agent);
    await customerJoinsCall(carol);
    await customerJoinsCall(bob);

    // The agent consumes both customers' microphones.
    const audio = (): Promise<AudioStat[]> => agent.debug<AudioStat[]>('audioStats');
    await waitFor('two mics consumed', async () => ((await audio()).length >= 2 ? true : undefined));

    const memberRow = (id: string): string => `${agent.inSession('voice-member')}[data-participant-id="${id}"]`;
    const growth = async (): Promise<Record<string, number>> => {
      const before = await audio();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const after = await audio();
      const out: Record<string, number> = {};
      for (const stat of after) out[stat.participantId] = stat.packetsReceived - (before.find((b) => b.producerId === stat.producerId)?.packetsReceived ?? 0);
      return out;
    };
    const micPaused = async (participantId: string): Promise<boolean | undefined> =>
      (await world().producersOf(sessionId)).find((p) => p.source === 'mic' && p.participantId === participantId)?.paused;

    // Pass the mic to Carol.
    await click(agent.page, `${memberRow(carolId)} [data-testid="voice-pass-mic"]`);
    await dataIs(agent.page, memberRow(carolId), 'data-floor', 'true');
    await dataIs(carol.page, `[data-testid="voice-member"][data-participant-id="${carolId}"]`, 'data-floor', 'true');
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
});
