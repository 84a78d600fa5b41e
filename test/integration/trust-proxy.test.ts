import { ROUTES } from '@rs/signaling';
import { configFromEnv } from '../../server/src/config/config';
import type { TrustProxy } from '../../server/src/config/trust-proxy';
import { buildAuthApi } from '../support/auth-api';
import type { AuthApi } from '../support/auth-api';

/** Only the configured proxies may name the client: a forged X-Forwarded-For does not lift the per-address join limit. */
describe('client address behind proxies', () => {
  let api: AuthApi | undefined;
  afterEach(() => api?.close());

  /** 11 wrong joins, each with a new forged first entry; the limit must hold on the 11th. */
  async function forgeEleven(trustProxy: TrustProxy, header: (i: number) => string): Promise<number[]> {
    api = await buildAuthApi({ trustProxy });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await api.call('POST', ROUTES.join, { body: { sessionNumber: `9${String(i).padStart(8, '0')}`, displayName: 'Eve' }, forwardedFor: header(i) });
      statuses.push(res.status);
    }
    return statuses;
  }

  const tenWrongThenLimited = [...Array<number>(10).fill(404), 429];

  it('by default (no proxy) ignores X-Forwarded-For entirely', async () => {
    expect(await forgeEleven(false, (i) => `198.51.100.${i}`)).toEqual(tenWrongThenLimited);
  });

  it('with one trusted hop, takes the entry the proxy appended, not the ones the client wrote', async () => {
    expect(await forgeEleven(1, (i) => `198.51.100.${i}, 203.0.113.7`)).toEqual(tenWrongThenLimited);
  });

  it('with a list of proxy addresses, skips only those', async () => {
    expect(await forgeEleven(['127.0.0.1', '10.0.0.0/8'], (i) => `198.51.100.${i}, 203.0.113.8, 10.1.1.1`)).toEqual(tenWrongThenLimited);
  });

  it('reads TRUST_PROXY as a hop count or proxy addresses, and refuses "true"', () => {
    expect(configFromEnv({}).trustProxy).toBe(false);
    expect(configFromEnv({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(configFromEnv({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(configFromEnv({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16, loopback, ::1' }).trustProxy).toEqual(['10.0.0.1', '10.1.0.0/16', 'loopback', '::1']);
    expect(() => configFromEnv({ TRUST_PROXY: 'true' })).toThrow(/number of proxies/);
    expect(() => configFromEnv({ TRUST_PROXY: 'proxy.example.com' })).toThrow(/not a hop count or proxy addresses/);
    expect(() => configFromEnv({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/not a hop count/);
  });
});
