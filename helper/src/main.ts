import { createInterface } from 'node:readline/promises';
import { version } from '../package.json';
import { resolveConfig, USAGE } from './config/config';
import type { Platform } from './input/injector';
import { openPlatform } from './platform';
import { HelperSession } from './session/helper-session';
import { ServerLink } from './session/server-link';
import type { EndReason } from './terminal/terminal-ui';
import { TerminalUi } from './terminal/terminal-ui';

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/** The helper program: pairs with the support session, injects the controller's input until control ends. */
async function main(): Promise<void> {
  const resolved = await resolveConfig(process.argv.slice(2), process.execPath, ask);
  if (resolved.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (resolved.kind === 'error') {
    process.stderr.write(`${resolved.message}\n`);
    process.exitCode = 2;
    return;
  }
  const { serverUrl, code } = resolved.config;
  const ui = new TerminalUi(process.stdout, process.stdin);
  let platform: Platform;
  try {
    platform = await openPlatform();
  } catch (err) {
    process.stderr.write(`Cannot control this desktop: ${(err as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  ui.info(`Remote support helper ${version}: connecting to ${new URL(serverUrl).host}...`);

  let finishing = false;
  /** The person pressed S: the server's helper:end that follows is their own stop. */
  let stoppedHere = false;
  const finish = async (reason: EndReason, exitCode: number): Promise<void> => {
    if (finishing) return;
    finishing = true;
    ui.ended(reason);
    link.close();
    await session.drain();
    await platform.close().catch(() => undefined);
    ui.close();
    process.exit(exitCode);
  };

  const session = new HelperSession(
    platform,
    {
      state: (state) => ui.state(state),
      localInput: () => ui.localInput(),
      ended: (reason) => void finish(stoppedHere ? 'stopped-here' : reason, 0),
      // REMOTE_SUPPORT_HELPER_DEBUG=1: say why input is dropped (never what it was).
      dropped: process.env.REMOTE_SUPPORT_HELPER_DEBUG ? (reason) => ui.info(`input dropped: ${reason}`) : undefined,
    },
    () => link.send('local-input'),
  );
  const link = new ServerLink(serverUrl, code, () => session.ready(version), {
    message: (event, payload, ack) => session.handle(event, payload, ack),
    lost: (reason) => void finish(reason, 1),
    connected: (first) => ui.connected(first),
    disconnected: () => ui.disconnected(),
  });
  session.start();
  ui.listen(() => {
    stoppedHere = true;
    void link.stop().then(() => finish('stopped-here', 0));
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`remote-support-helper: ${(err as Error).message}\n`);
  process.exit(1);
});
