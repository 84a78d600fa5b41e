import type { AddressInfo } from 'node:net';
import { buildApp } from '../../server/src/app';
import type { App, BuildOptions } from '../../server/src/app';
import { resolveConfig } from '../../server/src/config/config';
import type { ConfigInput } from '../../server/src/config/config';

/** The first admin every test server creates at boot. */
export const TEST_ADMIN = { username: 'admin', password: 'test-admin-password' } as const;

export interface TestServer {
  app: App;
  url: string;
  close(): Promise<void>;
}

/** A real server (real mediasoup worker, memory or Redis store) on a free loopback port (or `overrides.port`). */
export async function startTestServer(overrides: Partial<ConfigInput> = {}, options: BuildOptions = {}): Promise<TestServer> {
  const config = resolveConfig({
    host: '127.0.0.1',
    port: 0,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    adminUsername: TEST_ADMIN.username,
    adminPassword: TEST_ADMIN.password,
    // Every test client comes from 127.0.0.1: the limits themselves are tested in auth-routes.test.ts.
    joinAttemptsPerAddress: 10_000,
    joinAttemptsPerPrefix: 10_000,
    loginAttemptsPerAddress: 10_000,
    pairingAttemptsPerAddress: 10_000,
    ...overrides,
    media: { workers: 1, listenIp: '127.0.0.1', logLevel: process.env.TEST_MEDIASOUP_LOG_LEVEL ?? 'warn', ...overrides.media },
  } as ConfigInput);
  const app = await buildApp(config, options);
  // Port 0 (a free port) unless a test restarts a server on the port its pages know.
  await app.http.listen({ host: config.host, port: config.port });
  const { port } = app.http.server.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/**
 * Registers the usual hooks of an integration suite: one server for the file,
 * and the socket clients a test opened (push them to `clients`) closed after it.
 */
export function useTestServer(overrides: Partial<ConfigInput> = {}) {
  const world = { server: undefined as unknown as TestServer, clients: [] as { close(): void }[] };
  beforeAll(async () => {
    world.server = await startTestServer(overrides);
  });
  afterEach(() => world.clients.splice(0).forEach((c) => c.close()));
  afterAll(() => world.server?.close());
  return world;
}
