import { defaultHistoryFrom } from '@rs/signaling';
import type { AccountProfile, HistoryAgent, HistoryPage, HistoryQuery, HistoryRow } from '@rs/signaling';
import type { StaffPrincipal } from '../auth/principal';
import type { Clock } from '../domain/clock';
import type { HistoryFilter, HistoryScope, SessionHistoryStore } from './history-store';

export interface HistoryServiceOptions {
  store: SessionHistoryStore;
  /** Resolves when pending index writes are done (a session that just ended is listed). */
  indexed: () => Promise<void>;
  accounts: { list(): Promise<AccountProfile[]>; agentsOf(supervisorId: string): Promise<string[]> };
  clock: Clock;
}

/** Who sees which sessions (R10.1): agents their own, supervisors their agents' and their own, admins all. */
export async function historyScope(principal: StaffPrincipal, agentsOf: (supervisorId: string) => Promise<string[]>): Promise<HistoryScope> {
  if (principal.role === 'admin') return { kind: 'all' };
  const team = principal.role === 'supervisor' ? await agentsOf(principal.accountId) : [];
  return { kind: 'some', agentIds: [principal.accountId, ...team], staffId: principal.accountId };
}

/** Session history queries, with the caller's visibility always applied. */
export class HistoryService {
  constructor(private readonly opts: HistoryServiceOptions) {}

  async page(principal: StaffPrincipal, query: HistoryQuery): Promise<HistoryPage> {
    const filter = this.#filter(query);
    const found = await this.#query(principal, filter, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
    return { ...found, page: query.page, pageSize: query.pageSize, from: filter.from, to: filter.to ?? null };
  }

  /** Every matching row (the CSV export). */
  async all(principal: StaffPrincipal, query: HistoryQuery): Promise<HistoryRow[]> {
    return (await this.#query(principal, this.#filter(query), null)).rows;
  }

  /** The agents the caller may filter by: admins every agent, supervisors their team, agents themselves. */
  async agents(principal: StaffPrincipal): Promise<HistoryAgent[]> {
    const accounts = await this.opts.accounts.list();
    const scope = await historyScope(principal, (id) => this.opts.accounts.agentsOf(id));
    return accounts
      .filter((a) => (scope.kind === 'all' ? a.role === 'agent' : scope.agentIds.includes(a.id) && a.role === 'agent'))
      .map((a) => ({ id: a.id, name: a.displayName }));
  }

  async #query(principal: StaffPrincipal, filter: HistoryFilter, range: { offset: number; limit: number } | null) {
    const scope = await historyScope(principal, (id) => this.opts.accounts.agentsOf(id));
    await this.opts.indexed();
    return this.opts.store.query(filter, scope, range);
  }

  #filter({ page: _page, pageSize: _size, from, ...rest }: HistoryQuery): HistoryFilter {
    return { ...rest, from: from ?? defaultHistoryFrom(this.opts.clock()) };
  }
}
