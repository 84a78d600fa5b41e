import { socketsOfProcess } from '../support/process-sockets';
import { waitFor } from '../support/wait-for';
import { useE2eWorld } from './e2e-world';

/**
 * Real browsers whose media connection can never succeed: the server announces
 * its transports on 127.0.0.2, where nothing listens (the packets stay on
 * loopback). The server closes the transports after its timeout and tells
 * their owners, so nothing stays held on the node.
 */
describe('browsers whose media connection can never succeed', () => {
  const world = useE2eWorld({ media: { announcedAddress: '127.0.0.2', transportTimeoutSeconds: 3 } } as never);

  it('the server closes their transports after the timeout, tells them, and the worker holds no port', async () => {
    const { accounts } = world();
    const alice = await world().signedIn(accounts.alice);
    const number = await alice.startSession();
    const nia = await world().customer(number, 'Nia');
    await alice.waitForParticipant('Nia');
    const sessionId = await world().sessionIdOf(number);

    await alice.requestView();
    await nia.answerConsent(true);
    const room = await waitFor('the session\'s media room', () => world().server.app.services.rooms.peek(sessionId));
    await waitFor('the customer\'s send transport in the worker', async () => (await room.transportIdsInWorker()).length > 0 || undefined);

    const closed = await waitFor('media:transport-closed on the customer page', async () =>
      (await nia.receivedEvents()).find((event) => event.name === 'media:transport-closed'),
    );
    expect(JSON.parse(closed.json)).toMatchObject({ sessionId, reason: 'timeout' });
    await waitFor('no transport left in the worker', async () => (await room.transportIdsInWorker()).length === 0 || undefined);
    expect(await socketsOfProcess(room.workerPid)).toEqual({ udp: 0, tcp: 0 });
    // The share under that transport ended with it; the agent is not left "viewing" a dead screen.
    await waitFor('no producer left', async () => (await world().producersOf(sessionId)).length === 0 || undefined);
    expect(await nia.isSharing()).toBe(false);
  });
});
