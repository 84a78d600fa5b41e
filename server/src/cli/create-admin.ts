import { parseArgs } from 'node:util';
import { DisplayNameSchema, NewPasswordSchema, UsernameSchema } from '@rs/signaling';
import { AccountService } from '../auth/account-service';
import { JwtTokenIssuer } from '../auth/jwt-token-issuer';
import { ScryptPasswordHasher } from '../auth/password-hasher';
import { configFromEnv } from '../config/config';
import { isEphemeral, prepareState } from '../durable/state-mode';
import { AppError } from '../errors/app-error';
import { createLogger } from '../logging/logger';
import { createAccountStores } from '../store/create-account-stores';

const USAGE = `usage: npm run admin:create -- --username NAME [--password PASSWORD] [--display-name NAME]
  Creates an admin account in the server's state: Redis at REDIS_URL, or else the private
  redis-server of the data folder (DATA_DIR), the server's default.
  Without --password, ADMIN_PASSWORD is used (keeps the password out of the process list and shell history).`;

const NO_REDIS = `STATE=memory: the server keeps its accounts in memory, inside its own process:
an account created by this command could not reach it, and would vanish when the command exits.
Either run this without STATE=memory (the data folder's state, or REDIS_URL), or start the server
with ADMIN_USERNAME and ADMIN_PASSWORD, which creates the first admin at boot.`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Creates an admin account; returns the process exit code (0 ok, 1 failed, 2 usage). */
export async function runCreateAdmin(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  let args: { username?: string; password?: string; 'display-name'?: string; help?: boolean };
  try {
    args = parseArgs({
      args: argv,
      options: { username: { type: 'string' }, password: { type: 'string' }, 'display-name': { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    }).values;
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const username = UsernameSchema.safeParse(args.username);
  const password = NewPasswordSchema.safeParse(args.password ?? env.ADMIN_PASSWORD);
  const displayName = DisplayNameSchema.safeParse(args['display-name'] ?? 'Administrator');
  if (!username.success || !password.success || !displayName.success) {
    const which = !username.success ? '--username' : !password.success ? '--password (at least 10 characters)' : '--display-name';
    io.err(`missing or invalid ${which}\n${USAGE}\n`);
    return 2;
  }

  if (isEphemeral(env)) {
    io.err(`${NO_REDIS}\n`);
    return 1;
  }
  // The running server's private redis-server is used as it is; otherwise one is started for this command.
  const state = await prepareState(env);
  const stopOwnRedis = () => (state.privateRedis?.adopted ? Promise.resolve() : state.stop());
  const config = configFromEnv({ ...state.env, ADMIN_PASSWORD: undefined });
  const stores = await createAccountStores({ redisUrl: config.redisUrl }).catch(async (err: unknown) => {
    await stopOwnRedis();
    throw err;
  });
  try {
    const tokens = new JwtTokenIssuer({ secret: config.tokenSecret, revocations: stores.revocations });
    const accounts = new AccountService({ accounts: stores.accounts, audit: stores.audit, tokens, hasher: new ScryptPasswordHasher(), log: createLogger('warn') });
    const admin = await accounts.create({ username: username.data, password: password.data, displayName: displayName.data, role: 'admin' });
    io.out(`admin "${admin.username}" created (id ${admin.id})\n`);
    return 0;
  } catch (err) {
    io.err(err instanceof AppError ? `${err.code}: ${err.message}\n` : `failed: ${String(err)}\n`);
    return 1;
  } finally {
    await stores.close();
    await stopOwnRedis();
  }
}

if (require.main === module) {
  runCreateAdmin(process.argv.slice(2), process.env, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
