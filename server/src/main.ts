import { buildApp } from './app';
import { configFromEnv } from './config/config';
import { installProcessGuards } from './process-guards';

async function main(): Promise<void> {
  const config = configFromEnv();
  const app = await buildApp(config, { onFatal: () => process.exit(1) });
  installProcessGuards({ log: app.log });
  await app.http.listen({ host: config.host, port: config.port });
  const address = app.http.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const origin = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  app.log.info({ port, store: app.services.store.kind }, 'server listening');
  process.stdout.write(`\nRemote support is running.\n  Agent console:   ${origin}/console/\n  Customer client: ${origin}/\n`);
  const admin = app.firstAdmin;
  // Printed once to the terminal, never to the log.
  if (admin?.generatedPassword) {
    process.stdout.write(`  First admin:     username "${admin.username}", password ${admin.generatedPassword} (shown once; set ADMIN_PASSWORD to choose it)\n`);
  }
  process.stdout.write('\n');

  const shutdown = (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
