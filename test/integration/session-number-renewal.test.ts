import { ROUTES } from '@rs/signaling';
import type { CreateSessionResponse, CustomerJoinResponse, SessionRecordResponse } from '@rs/signaling';
import { TestClient, login, newAgent, postJson, unwrap } from '../support/signaling-client';
import { TEST_ADMIN, useTestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';

/**
 * A number nobody used expires (SESSION_NUMBER_TTL_SECONDS); the agent in control gets a new one
 * for the same session instead of starting over (issue 12). Only while no customer has joined: a
 * used number stays for the whole session.
 */
describe('a new number for a session whose number expired', () => {
  const world = useTestServer({ sessionNumberTtlSeconds: 1 });
  const code = (r: { body: unknown }) => (r.body as { error?: { code: string } }).error?.code;
  const join = (number: string, displayName = 'Casey') => postJson<CustomerJoinResponse>(world.server.url, ROUTES.join, { sessionNumber: number, displayName });

  it('the agent in control renews an expired number: the new one joins, the old one stays refused, the record says so without numbers', async () => {
    const url = world.server.url;
    const agentAccount = await newAgent(url, TEST_ADMIN, 3, 'Alice Agent');
    const { token } = await login(url, agentAccount);
    const created = unwrap(await postJson<CreateSessionResponse>(url, ROUTES.sessions, {}, token));
    const sessionId = created.session.id;
    const agent = await TestClient.connect(url, token);
    world.clients.push(agent);
    await agent.call('session:join', { sessionId });
    await waitFor('the unused number\'s expiry', () => Date.now() > created.numberExpiresAt + 200 || undefined);
    expect(code(await join(created.session.number))).toBe('SESSION_NOT_FOUND');

    const renewed = unwrap(await postJson<CreateSessionResponse>(url, ROUTES.sessionNumber(sessionId), {}, token));
    expect(renewed.session.id).toBe(sessionId);
    expect(renewed.session.number).toMatch(/^\d{9}$/);
    expect(renewed.session.number).not.toBe(created.session.number);
    expect(renewed.numberExpiresAt).toBeGreaterThan(Date.now());
    expect(renewed.joinUrl).toContain(`#s=${renewed.session.number}`);
    // The agent's console learns the new number over its socket too.
    await agent.waitForEvent('session:updated', (e) => e.session.number === renewed.session.number);

    const joined = unwrap(await join(renewed.session.number));
    expect(joined.sessionId).toBe(sessionId);
    expect(code(await join(created.session.number))).toBe('SESSION_NOT_FOUND');

    const record = unwrap(await (async () => {
      const response = await fetch(`${url}${ROUTES.sessionRecord(sessionId)}`, { headers: { authorization: `Bearer ${token}` } });
      return { body: (await response.json()) as { ok: true; data: SessionRecordResponse } };
    })());
    expect(record.audit.map((a) => a.action)).toContain('session:number-renewed');
    const trail = JSON.stringify(record.audit);
    expect(trail).not.toContain(created.session.number);
    expect(trail).not.toContain(renewed.session.number);
  });

});

describe('a new number: who may, and when', () => {
  const world = useTestServer();
  const code = (r: { body: unknown }) => (r.body as { error?: { code: string } }).error?.code;
  const join = (number: string, displayName = 'Casey') => postJson<CustomerJoinResponse>(world.server.url, ROUTES.join, { sessionNumber: number, displayName });

  it('refused once a customer has joined (the number is in use), and to anyone but the agent in control', async () => {
    const url = world.server.url;
    const alice = await login(url, await newAgent(url, TEST_ADMIN, 3, 'Alice Agent'));
    const bob = await login(url, await newAgent(url, TEST_ADMIN, 3, 'Bob Agent'));
    const created = unwrap(await postJson<CreateSessionResponse>(url, ROUTES.sessions, {}, alice.token));
    const sessionId = created.session.id;
    const other = await postJson(url, ROUTES.sessionNumber(sessionId), {}, bob.token);
    expect([other.status, code(other)]).toEqual([403, 'NOT_IN_CONTROL']);
    unwrap(await join(created.session.number));
    const inUse = await postJson(url, ROUTES.sessionNumber(sessionId), {}, alice.token);
    expect([inUse.status, code(inUse)]).toEqual([409, 'NUMBER_IN_USE']);
    const anonymous = await postJson(url, ROUTES.sessionNumber(sessionId), {});
    expect(code(anonymous)).toBe('UNAUTHENTICATED');
  });
});
