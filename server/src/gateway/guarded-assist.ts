import type { JoinGuard } from '../auth/join-guard';
import type { Handler } from './define-handler';

/**
 * `session:assist` finds a session by its number, so it is guessing like a
 * customer's join: the same limits, counted per agent account (a signed-in
 * agent may sit behind any address) and against the same number prefixes.
 */
export function guardAssist(assist: Handler<'session:assist'>, guard: JoinGuard): Handler<'session:assist'> {
  return (ctx, payload) => {
    const { principal } = ctx.socket.data;
    const caller =
      principal.role === 'customer' ? `participant:${principal.participantId}` : principal.role === 'visitor' ? `entry:${principal.entryId}` : `agent:${principal.accountId}`;
    return guard.admit(caller, payload.sessionNumber, () => assist(ctx, payload));
  };
}
