import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ROUTES } from '@rs/signaling';
import type { CreateSessionResponse } from '@rs/signaling';
import { login, newAgent } from '../support/signaling-client';
import { TEST_ADMIN, startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request with exactly the headers given (fetch would add Accept-Encoding and refuse a Host). */
function request(url: string, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.once('error', reject);
    req.end(body);
  });
}

const HARDENING = {
  'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

describe('static files and browser hardening', () => {
  let server: TestServer;
  let allowing: TestServer;
  beforeAll(async () => {
    [server, allowing] = await Promise.all([startTestServer(), startTestServer({ allowedHosts: ['support.example'] })]);
  });
  afterAll(() => Promise.all([server?.close(), allowing?.close()]));

  async function assetsOf(prefix: string): Promise<{ page: RawResponse; script: string; styles: string[] }> {
    const page = await request(server.url, prefix, { 'accept-encoding': 'identity' });
    const html = page.body.toString('utf8');
    const script = /src="(app-[A-Z0-9]{8}\.js)"/.exec(html)?.[1];
    const styles = [...html.matchAll(/href="([a-z]+-[A-Z0-9]{8}\.css)"/g)].map((m) => m[1] as string);
    if (!script) throw new Error(`no hashed script in ${prefix}: ${html}`);
    return { page, script, styles };
  }

  it.each(['/', '/console/'])('%s: index.html is never cached, hashed files are cached for good, both precompressed', async (prefix) => {
    const { page, script, styles } = await assetsOf(prefix);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(styles).toHaveLength(2);
    const plain = await request(server.url, `${prefix}${script}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const br = await request(server.url, `${prefix}${script}`, { 'accept-encoding': 'br, gzip' });
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'public, max-age=31536000, immutable', vary: 'accept-encoding' });
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const gz = await request(server.url, `${prefix}${styles[0]}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/css/);
    expect(gunzipSync(gz.body).length).toBeGreaterThan(0);
    const brIndex = await request(server.url, prefix, { 'accept-encoding': 'br' });
    expect(brIndex.headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'no-cache' });
  });

  it('source maps are not public', async () => {
    const { script } = await assetsOf('/');
    const code = (await request(server.url, `/${script}`)).body.toString('utf8');
    expect(code).not.toMatch(/sourceMappingURL/);
    expect((await request(server.url, `/${script}.map`)).status).toBe(404);
    expect((await request(server.url, `/console/${script}.map`)).status).toBe(404);
  });

  it('every answer carries the hardening headers: pages, files, API, errors', async () => {
    const { script } = await assetsOf('/');
    for (const path of ['/', `/${script}`, '/console/', ROUTES.health, '/api/no-such-route']) {
      expect((await request(server.url, path)).headers).toMatchObject(HARDENING);
    }
    const csp = (await request(server.url, '/')).headers['content-security-policy'];
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/connect-src 'self'/);
  });

  async function joinUrlWithHost(target: TestServer, host: string): Promise<string> {
    const agent = await newAgent(target.url, TEST_ADMIN);
    const { token } = await login(target.url, agent);
    const answer = await request(target.url, ROUTES.sessions, { host, authorization: `Bearer ${token}`, 'content-type': 'application/json' }, 'POST', '{}');
    return (JSON.parse(answer.body.toString('utf8')) as { data: CreateSessionResponse }).data.joinUrl;
  }

  it('without PUBLIC_URL a join link is never built from a forged Host header', async () => {
    expect(await joinUrlWithHost(server, 'evil.example')).toMatch(new RegExp(`^${server.url}/#s=\\d{9}$`));
  });

  it('a host in ALLOWED_HOSTS gives links on that host; any other Host falls back to the listen address', async () => {
    expect(await joinUrlWithHost(allowing, 'support.example')).toMatch(/^http:\/\/support\.example\/#s=\d{9}$/);
    expect(await joinUrlWithHost(allowing, 'evil.example')).toMatch(new RegExp(`^${allowing.url}/#s=\\d{9}$`));
  });
});
