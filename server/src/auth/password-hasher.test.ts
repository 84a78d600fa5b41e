import { DEFAULT_SCRYPT_PARAMS, ScryptPasswordHasher } from './password-hasher';

/** Cheap parameters for most cases; one test runs the production ones. */
const fast = new ScryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1 });

describe('ScryptPasswordHasher', () => {
  it('hashes with the production parameters (N=2^15, r=8, p=1) and verifies', async () => {
    const hasher = new ScryptPasswordHasher();
    const hash = await hasher.hash('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ N: 32768, r: 8, p: 1 });
    await expect(hasher.verify('correct horse battery staple', hash)).resolves.toBe(true);
    await expect(hasher.verify('correct horse battery stapl', hash)).resolves.toBe(false);
    expect(hasher.needsRehash(hash)).toBe(false);
  });

  it('salts every hash, so one password never hashes the same twice', async () => {
    const [a, b] = await Promise.all([fast.hash('same password'), fast.hash('same password')]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    await expect(fast.verify('same password', a)).resolves.toBe(true);
    await expect(fast.verify('same password', b)).resolves.toBe(true);
  });

  it('verifies with the parameters written in the hash, not the current ones', async () => {
    const old = await fast.hash('long-lived password');
    const current = new ScryptPasswordHasher({ N: 2 ** 11, r: 8, p: 1 });
    await expect(current.verify('long-lived password', old)).resolves.toBe(true);
    expect(current.needsRehash(old)).toBe(true);
    expect(fast.needsRehash(old)).toBe(false);
  });

  it('treats unicode forms of one password alike and keeps case', async () => {
    const hash = await fast.hash('caf\u00e9 Password');
    await expect(fast.verify('cafe\u0301 Password', hash)).resolves.toBe(true);
    await expect(fast.verify('caf\u00e9 password', hash)).resolves.toBe(false);
  });

  it.each([
    ['empty', ''],
    ['another scheme', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA'],
    ['missing part', 'scrypt$1024$8$1$c2FsdHNhbHRzYWx0'],
    ['N not a power of two', 'scrypt$1000$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA'],
    ['N too large (memory exhaustion)', `scrypt$${2 ** 24}$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA`],
    ['short key', 'scrypt$1024$8$1$c2FsdHNhbHRzYWx0$aGFzaA'],
  ])('refuses a malformed stored hash (%s) without throwing', async (_name, stored) => {
    await expect(fast.verify('anything', stored)).resolves.toBe(false);
    expect(fast.needsRehash(stored)).toBe(true);
  });

  it('refuses invalid parameters at construction', () => {
    expect(() => new ScryptPasswordHasher({ N: 1000, r: 8, p: 1 })).toThrow(/invalid scrypt parameters/);
    expect(() => new ScryptPasswordHasher({ N: 2 ** 10, r: 0, p: 1 })).toThrow(/invalid scrypt parameters/);
  });
});
