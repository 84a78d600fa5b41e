import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCreateAdmin } from '../../server/src/cli/create-admin';
import { loadOrCreateTokenSecret } from '../../server/src/durable/data-dir';
import { createAccountStores } from '../../server/src/store/create-account-stores';
import { prepareState } from '../../server/src/durable/state-mode';
import { connectRedis } from '../../server/src/store/redis-client';
import { startPrivateRedis } from '../../server/src/store/private-redis';
import type { PrivateRedis } from '../../server/src/store/private-redis';
import { isRunning } from '../support/process-alive';
import { waitFor } from '../support/wait-for';


describe('durable state with no set-up: private redis-server and token secret in the data folder', () => {
  let dataDir: string;
  const started: PrivateRedis[] = [];
  beforeEach(() => {
    dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'rs-data-')), 'data');
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((r) => r.stop()));
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  async function write(redis: PrivateRedis, key: string, value: string): Promise<void> {
    const client = await connectRedis(redis.url);
    await client.set(key, value);
    await client.close();
  }
  async function read(redis: PrivateRedis, key: string): Promise<string | null> {
    const client = await connectRedis(redis.url);
    const value = await client.get(key);
    await client.close();
    return value;
  }

  it('keeps what was written across a stop and a new start (append-only file), in owner-only folders', async () => {
    const first = await startPrivateRedis({ dataDir });
    started.push(first);
    await write(first, 'k', 'survives');
    await first.stop();
    expect(isRunning(first.pid)).toBe(false);
    const second = await startPrivateRedis({ dataDir });
    started.push(second);
    expect(second.adopted).toBe(false);
    expect(await read(second, 'k')).toBe('survives');
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dataDir, 'redis')).mode & 0o777).toBe(0o700);
  });

  it('adopts the redis-server a crashed server left running, and replaces one whose pid file is stale', async () => {
    const orphan = await startPrivateRedis({ dataDir });
    await write(orphan, 'k', 'still here');
    const adopted = await startPrivateRedis({ dataDir });
    started.push(adopted);
    expect(adopted).toMatchObject({ adopted: true, pid: orphan.pid });
    expect(await read(adopted, 'k')).toBe('still here');
    await adopted.stop();
    // The orphan is this test process's own child: it stays a zombie until Node reaps it.
    await waitFor('the adopted redis-server to be gone', () => !isRunning(orphan.pid));

    const dead = spawnSync('true').pid;
    writeFileSync(path.join(dataDir, 'redis', 'redis.pid'), `${dead}\n`);
    const fresh = await startPrivateRedis({ dataDir });
    started.push(fresh);
    expect(fresh.adopted).toBe(false);
    expect(await read(fresh, 'k')).toBe('still here');
  });

  it('generates the token secret once, owner-only, and reads it back on the next start', async () => {
    const prepared = await prepareState({ DATA_DIR: dataDir, REDIS_URL: 'redis://127.0.0.1:1' });
    const secret = prepared.env.TOKEN_SECRET as string;
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(path.join(dataDir, 'token-secret')).mode & 0o777).toBe(0o600);
    expect(loadOrCreateTokenSecret(dataDir)).toBe(secret);
    expect((await prepareState({ DATA_DIR: dataDir, REDIS_URL: 'redis://127.0.0.1:1' })).env.TOKEN_SECRET).toBe(secret);
    expect(prepared).toMatchObject({ mode: 'durable', privateRedis: null });
  });

  it('npm run admin:create writes to the data folder\'s state, whether the server runs or not', async () => {
    const io = { out: () => {}, err: (text: string) => void process.stderr.write(text) };
    const create = (username: string) => runCreateAdmin(['--username', username, '--password', 'admin-password-1'], { DATA_DIR: dataDir }, io);
    expect(await create('offline')).toBe(0);
    const running = await startPrivateRedis({ dataDir });
    started.push(running);
    expect(running.adopted).toBe(false);
    expect(await create('online')).toBe(0);
    expect(isRunning(running.pid)).toBe(true);
    const stores = await createAccountStores({ redisUrl: running.url });
    expect((await stores.accounts.list()).map((a) => a.username).sort()).toEqual(['offline', 'online']);
    await stores.close();
  });

  it('STATE=memory is ephemeral: no data folder, no redis, even with REDIS_URL set', async () => {
    const prepared = await prepareState({ STATE: 'memory', DATA_DIR: dataDir, REDIS_URL: 'redis://127.0.0.1:1' });
    expect(prepared).toMatchObject({ mode: 'memory', dataDir: null, privateRedis: null });
    expect(prepared.env.REDIS_URL).toBeUndefined();
  });
});
