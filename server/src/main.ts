import { buildApp } from './app';
import type { App } from './app';
import { configFromEnv } from './config/config';
import { installProcessGuards } from './process-guards';
import type { Config } from './config/config';
import { prepareState } from './durable/state-mode';
import type { PreparedState } from './durable/state-mode';

const EPHEMERAL_WARNING = [
  '',
  '  !!! EPHEMERAL MODE (STATE=memory): everything is kept in memory only. !!!',
  '  !!! Accounts, sessions, chat, records and sign-ins are LOST when the server stops or restarts. !!!',
  '  !!! Unset STATE/EPHEMERAL to keep state in the data folder (or set REDIS_URL). !!!',
  '',
].join('\n');

async function main(): Promise<void> {
  const state = await prepareState(process.env);
  let app: App;
  let config: Config;
  try {
    config = configFromEnv(state.env);
    app = await buildApp(config, { onFatal: () => process.exit(1) });
    installProcessGuards({ log: app.log });
    await app.http.listen({ host: config.host, port: config.port });
  } catch (err) {
    await state.stop();
    throw err;
  }
  const address = app.http.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const origin = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  app.log.info({ port, store: app.services.store.kind, state: state.mode, dataDir: state.dataDir, pid: process.pid }, 'server listening');
  if (!config.publicUrl && config.allowedHosts.length === 0 && ['0.0.0.0', '::'].includes(config.host)) {
    app.log.warn('PUBLIC_URL is not set: join links name this machine\'s host name; set PUBLIC_URL (or ALLOWED_HOSTS)');
  }
  if (state.mode === 'memory') {
    app.log.warn('ephemeral mode: state is kept in memory only and is lost on restart');
    process.stderr.write(`${EPHEMERAL_WARNING}\n`);
  }
  process.stdout.write(`\nRemote support is running.\n  Agent console:   ${origin}/console/\n  Customer client: ${origin}/\n`);
  process.stdout.write(`  State:           ${describeState(state)}\n`);
  const admin = app.firstAdmin;
  // Printed once to the terminal, never to the log.
  if (admin?.generatedPassword) {
    process.stdout.write(`  First admin:     username "${admin.username}", password ${admin.generatedPassword} (shown once; set ADMIN_PASSWORD to choose it)\n`);
  }
  process.stdout.write('\n');

  let stopping = false;
  const shutdown = (signal: string) => {
    // A second signal (e.g. Ctrl-C reaching both the supervisor and this process) changes nothing.
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    closeAll(app, state).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/** The server first (it may still write state), then the private redis-server, even if the server failed to close. */
async function closeAll(app: App, state: PreparedState): Promise<void> {
  try {
    await app.close();
  } finally {
    await state.stop();
  }
}

function describeState(state: PreparedState): string {
  if (state.mode === 'memory') return 'in memory only (lost on restart)';
  if (state.privateRedis) return `kept in ${state.dataDir} (private redis-server, append-only file)`;
  return `Redis at REDIS_URL (data folder ${state.dataDir})`;
}

main().catch((err: unknown) => {
  process.stderr.write(`failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
