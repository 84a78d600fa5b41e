import { randomUUID } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import { MemoryTokenRevocations } from '../store/token-revocations';
import { JwtTokenIssuer } from './jwt-token-issuer';

const SECRET = 'a'.repeat(32) + 'test-secret';

const decodePart = (part: string): Record<string, unknown> & { exp: number; iat: number } =>
  JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown> & { exp: number; iat: number };

function harness() {
  let now = 1_700_000_000_000;
  const clock = () => now;
  const revocations = new MemoryTokenRevocations({ now: clock });
  const issuer = new JwtTokenIssuer({ secret: SECRET, revocations, now: clock });
  return { issuer, revocations, advance: (ms: number) => void (now += ms) };
}

const admin = { role: 'admin' as const, accountId: randomUUID(), displayName: 'Ada' };
const customer = { role: 'customer' as const, sessionId: randomUUID(), participantId: randomUUID() };

describe('JwtTokenIssuer', () => {
  it('round-trips staff and customer principals, each token with its own id', async () => {
    const { issuer } = harness();
    const [a, b, c] = await Promise.all([issuer.sign(admin, 60), issuer.sign(admin, 60), issuer.sign(customer, 60)]);
    const [pa, pb, pc] = await Promise.all([issuer.verify(a), issuer.verify(b), issuer.verify(c)]);
    expect(pa).toEqual({ ...admin, tokenId: expect.any(String) });
    expect(pc).toEqual({ ...customer, tokenId: expect.any(String) });
    expect(new Set([pa.tokenId, pb.tokenId, pc.tokenId]).size).toBe(3);
  });

  it('is an HS256 JWT with iss, jti and exp (ttl from now)', async () => {
    const { issuer } = harness();
    const [header, payload] = (await issuer.sign(admin, 90)).split('.').slice(0, 2).map(decodePart);
    expect(header).toMatchObject({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({ iss: 'remote-support', role: 'admin', sub: admin.accountId, exp: payload!.iat + 90 });
  });

  it('refuses an expired token', async () => {
    const { issuer, advance } = harness();
    const token = await issuer.sign(customer, 60);
    advance(59_000);
    await expect(issuer.verify(token)).resolves.toMatchObject({ role: 'customer' });
    advance(1_000);
    await expect(issuer.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/expired/) });
  });

  it('refuses forged, tampered, unsigned and foreign tokens alike', async () => {
    const { issuer } = harness();
    const token = await issuer.sign({ ...admin, role: 'agent' }, 60);
    const [h, p, s] = token.split('.');
    const claims = decodePart(p!);
    const elevated = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
    const otherKey = createSigner({ key: 'b'.repeat(40), iss: 'remote-support' })({ ...claims, exp: claims.exp });
    const otherIssuer = createSigner({ key: SECRET, iss: 'someone-else', noTimestamp: true })(claims);
    for (const bad of [`${h}.${elevated}.${s}`, none, otherKey, otherIssuer, 'garbage', '', 'x'.repeat(5000)]) {
      await expect(issuer.verify(bad)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('revokes one token until it would have expired, leaving the others valid', async () => {
    const { issuer, revocations, advance } = harness();
    const [first, second] = await Promise.all([issuer.sign(admin, 60), issuer.sign(admin, 60)]);
    const { tokenId } = await issuer.verify(first);
    await issuer.revoke(first);
    await issuer.revoke(first);
    await expect(issuer.verify(first)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/revoked/) });
    await expect(issuer.verify(second)).resolves.toMatchObject({ accountId: admin.accountId });
    advance(60_000);
    expect(await revocations.isRevoked(tokenId)).toBe(false);
  });

  it('ignores revoking a forged token (nothing is stored)', async () => {
    const { issuer, revocations } = harness();
    const forged = createSigner({ key: 'c'.repeat(40), iss: 'remote-support' })({ jti: randomUUID(), role: 'admin', sub: 'x', name: 'x' });
    await expect(issuer.revoke(forged)).resolves.toBeUndefined();
    const spy = jest.spyOn(revocations, 'revoke');
    await issuer.revoke('garbage');
    expect(spy).not.toHaveBeenCalled();
  });

  it('needs a secret of at least 32 characters', () => {
    expect(() => new JwtTokenIssuer({ secret: 'short', revocations: new MemoryTokenRevocations() })).toThrow(/32/);
  });
});
