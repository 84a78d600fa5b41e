import { TokenService } from './token-service';

describe('TokenService', () => {
  let now = 1_000_000;
  const tokens = new TokenService('x'.repeat(32), () => now);
  const customer = { role: 'customer' as const, sessionId: '6f1c7f1e-8a51-4a5f-9d4e-3c2b1a0f9e8d', participantId: '0b6e2d9c-5f4a-4b3c-8d2e-1f0a9b8c7d6e' };

  it('round-trips a principal', () => expect(tokens.verify(tokens.sign(customer, 60))).toEqual(customer));

  it('refuses a token signed with another secret', () => {
    const forged = new TokenService('y'.repeat(32)).sign(customer, 60);
    expect(() => tokens.verify(forged)).toThrow('invalid token');
  });

  it('refuses a tampered body', () => {
    const [, mac] = tokens.sign(customer, 60).split('.');
    const body = Buffer.from(JSON.stringify({ sub: { role: 'agent', agentId: 'x', displayName: 'x' }, exp: now + 1e6 })).toString('base64url');
    expect(() => tokens.verify(`${body}.${mac}`)).toThrow('invalid token');
  });

  it('refuses an expired token', () => {
    const token = tokens.sign(customer, 60);
    now += 61_000;
    expect(() => tokens.verify(token)).toThrow('token expired');
  });

  it('refuses garbage', () => {
    for (const garbage of ['', 'a', 'a.b.c', '..']) expect(() => tokens.verify(garbage)).toThrow();
  });
});
