import type { AccountProfile, AgentPresence, ChosenPresence } from '@rs/signaling';
import type { Logger } from '../../logging/logger';
import type { PresenceRecord, QueueStore } from '../../store/queue-store';
import type { SessionStore } from '../../store/session-store';
import type { Clock } from '../clock';
import { TypedEmitter } from '../typed-emitter';
import { countSessionsInControl } from './agent-sessions';
import { afterAccept, afterMissedOffer, afterSessionEnded, choosePresence, effectiveState } from './presence-rules';

/** The accounts presence needs (AccountService). */
export interface AgentAccounts {
  get(accountId: string): Promise<AccountProfile>;
}

export type PresenceEvents = { changed: [accountId: string] };

export interface PresenceServiceOptions {
  queues: QueueStore;
  sessions: SessionStore;
  accounts: AgentAccounts;
  clock: Clock;
  log: Logger;
}

/**
 * Agent presence (available / away chosen; busy and wrap-up computed; away
 * after missed offers). Every change emits `changed` for the pushes.
 */
export class PresenceService extends TypedEmitter<PresenceEvents> {
  /** Changes of one agent's presence run one after the other (read-modify-write of one record). */
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(private readonly opts: PresenceServiceOptions) {
    super(opts.log);
  }

  /** The agent's presence as everyone sees it (offline when never seen). */
  async view(accountId: string): Promise<AgentPresence> {
    const [account, stored, activeSessions] = await Promise.all([
      this.opts.accounts.get(accountId),
      this.opts.queues.getPresence(accountId),
      countSessionsInControl(this.opts.sessions, accountId),
    ]);
    const now = this.opts.clock();
    const record = stored ?? this.fresh(account);
    return {
      accountId,
      displayName: account.displayName,
      state: effectiveState(stored, activeSessions, account.maxSessions, now),
      chosen: record.chosen,
      activeSessions,
      maxSessions: account.maxSessions,
      wrapUpUntil: record.wrapUpUntil !== null && record.wrapUpUntil > now ? record.wrapUpUntil : null,
      missedOffers: record.missedOffers,
      idleSince: record.idleSince,
      awayReason: record.awayReason,
    };
  }

  /** Presence of several agents; accounts that no longer exist are left out. */
  async views(accountIds: readonly string[]): Promise<AgentPresence[]> {
    const views = await Promise.all(accountIds.map((id) => this.view(id).catch(() => null)));
    return views.filter((v): v is AgentPresence => v !== null);
  }

  async choose(accountId: string, chosen: ChosenPresence): Promise<AgentPresence> {
    await this.update(accountId, (p) => choosePresence(p, chosen, this.opts.clock()));
    this.opts.log.info({ accountId, chosen }, 'presence chosen');
    return this.view(accountId);
  }

  /** A console of the agent connected (true) or the last one closed (false). */
  async setOnline(accountId: string, online: boolean): Promise<void> {
    await this.update(accountId, (p) => ({ ...p, online, idleSince: online && !p.online ? this.opts.clock() : p.idleSince }));
  }

  /** An offer timed out; returns true when this set the agent away. */
  async missedOffer(accountId: string, limit: number): Promise<boolean> {
    const updated = await this.update(accountId, (p) => afterMissedOffer(p, limit));
    const setAway = updated.awayReason === 'missed-offers' && updated.missedOffers === limit;
    if (setAway) this.opts.log.info({ accountId, missed: limit }, 'agent set away after missed offers');
    return setAway;
  }

  async accepted(accountId: string): Promise<void> {
    await this.update(accountId, afterAccept);
  }

  async sessionEnded(accountId: string, wrapUpSeconds: number): Promise<void> {
    await this.update(accountId, (p) => afterSessionEnded(p, wrapUpSeconds, this.opts.clock()));
  }

  /** Wrap-up that has run out is cleared (and announced: the agent is available again). */
  async endWrapUps(): Promise<void> {
    const now = this.opts.clock();
    for (const p of await this.opts.queues.listPresence()) {
      if (p.wrapUpUntil !== null && p.wrapUpUntil <= now) await this.update(p.accountId, (r) => ({ ...r, wrapUpUntil: null }));
    }
  }

  private update(accountId: string, change: (p: PresenceRecord) => PresenceRecord): Promise<PresenceRecord> {
    const run = (this.chains.get(accountId) ?? Promise.resolve()).catch(() => undefined).then(() => this.apply(accountId, change));
    this.chains.set(accountId, run);
    void run.finally(() => {
      if (this.chains.get(accountId) === run) this.chains.delete(accountId);
    }).catch(() => undefined);
    return run;
  }

  private async apply(accountId: string, change: (p: PresenceRecord) => PresenceRecord): Promise<PresenceRecord> {
    const stored = await this.opts.queues.getPresence(accountId);
    const base = stored ?? this.fresh(await this.opts.accounts.get(accountId));
    const updated = change(base);
    await this.opts.queues.putPresence(updated);
    this.emit('changed', accountId);
    return updated;
  }

  private fresh(account: AccountProfile): PresenceRecord {
    return {
      accountId: account.id, displayName: account.displayName, chosen: 'available', awayReason: null,
      wrapUpUntil: null, missedOffers: 0, idleSince: this.opts.clock(), online: false,
    };
  }
}
