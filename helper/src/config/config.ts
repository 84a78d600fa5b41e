import { parseArgs } from 'node:util';
import { HelperTrailerSchema } from '@rs/signaling';
import type { HelperTrailer } from '@rs/signaling';
import { readTrailer } from './trailer';

export const USAGE = `remote-support-helper: lets the support agent you are talking to control this computer, while you watch.

Usage: remote-support-helper [--server URL] [--code NNNNNNNNN]

  The file downloaded from the support page already knows the server and the code: just run it.
  --server URL   the support server (as in the support page's address)
  --code CODE    the 9-digit code shown on the support page
  --help         this text

While it runs, press S or Ctrl+C to stop control at once. It exits when the session ends.`;

export type ConfigResult = { kind: 'run'; config: HelperTrailer } | { kind: 'help' } | { kind: 'error'; message: string };

/**
 * Where the helper connects, first found wins: the trailer the server appended to
 * this very file, then `--server` / `--code`, then questions on the terminal.
 */
export async function resolveConfig(args: string[], programPath: string, ask: (question: string) => Promise<string>): Promise<ConfigResult> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { server: { type: 'string' }, code: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  } catch (err) {
    return { kind: 'error', message: `${(err as Error).message}\n\n${USAGE}` };
  }
  if (parsed.values.help) return { kind: 'help' };
  const embedded = await readTrailer(programPath).catch(() => null);
  const serverUrl = parsed.values.server ?? embedded?.serverUrl ?? (await ask('Support server address (for example https://support.example.com): ')).trim();
  const code = parsed.values.code ?? embedded?.code ?? (await ask('Code shown on the support page (9 digits): ')).replace(/\s+/g, '');
  const config = HelperTrailerSchema.safeParse({ serverUrl, code });
  if (!config.success) return { kind: 'error', message: 'The server address or the 9-digit code is not valid.' };
  return { kind: 'run', config: config.data };
}
