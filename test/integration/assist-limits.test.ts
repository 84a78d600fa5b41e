import { TestClient, login, newAgent, startSessionWithCustomer } from '../support/signaling-client';
import { TEST_ADMIN, useTestServer } from '../support/test-server';

/** `session:assist` finds a session by number: agents guess under the same limits as customers, per account. */
describe('assisting by number is rate-limited', () => {
  const world = useTestServer();

  it('refuses the 11th attempt in a minute from one agent account (RATE_LIMITED with a retry delay), not another agent', async () => {
    const { url } = world.server;
    const running = await startSessionWithCustomer(url, await newAgent(url, TEST_ADMIN));
    world.clients.push(running.agent, running.customer);
    const guesser = await TestClient.connect(url, (await login(url, await newAgent(url, TEST_ADMIN, 3, 'Guesser'))).token);
    const honest = await TestClient.connect(url, (await login(url, await newAgent(url, TEST_ADMIN, 3, 'Helper'))).token);
    world.clients.push(guesser, honest);
    for (let i = 0; i < 10; i++) {
      const wrong = String(100_000_000 + ((Number(running.created.session.number) - 100_000_000 + 1 + i) % 900_000_000));
      expect(await guesser.request('session:assist', { sessionNumber: wrong })).toMatchObject({ ok: false, error: { code: 'SESSION_NOT_FOUND' } });
    }
    const refused = await guesser.request('session:assist', { sessionNumber: running.created.session.number });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } });
    const helped = await honest.call('session:assist', { sessionNumber: running.created.session.number });
    expect(helped.session.id).toBe(running.sessionId);
  });
});
