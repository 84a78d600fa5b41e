import { randomUUID } from 'node:crypto';
import type { Queue } from '@rs/signaling';
import type { Logger } from '../../logging/logger';
import type { EntryRecord, QueueStore } from '../../store/queue-store';
import type { Clock } from '../clock';
import { isAbandonDue, isMaxWaitDue, isOfferExpired } from './entry-rules';
import type { PresenceService } from './presence-service';
import type { QueuePublisher } from './queue-publisher';
import { entryView } from './queue-views';
import { chooseAgent } from './routing';
import type { RoutingCandidate } from './routing';

/** How long named agents have to answer a transfer offered to them before it is offered again. */
export const DIRECTED_OFFER_SECONDS = 60;

export interface QueueRouterOptions {
  queues: QueueStore;
  presence: PresenceService;
  publisher: QueuePublisher;
  clock: Clock;
  log: Logger;
  /** A disconnected waiting customer keeps their place this long (QUEUE_ABANDON_GRACE_SECONDS). */
  abandonGraceMs: number;
  /** Interval of the tick (QUEUE_TICK_MS); one node leads each tick. */
  tickMs: number;
}

/**
 * The periodic part of the queues, one tick every QUEUE_TICK_MS (on one node):
 * abandons customers gone past the grace period, tells those past the maximum
 * wait, takes back offers that timed out (counting the miss, setting the agent
 * away after N), ends wrap-ups, and offers heads of automatic queues to agents.
 */
export class QueueRouter {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly opts: QueueRouterOptions) {}

  start(): void {
    this.timer ??= setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((err: unknown) => this.opts.log.error({ err }, 'queue tick failed'))
        .finally(() => (this.running = null));
    }, this.opts.tickMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  async tick(): Promise<void> {
    const { queues, presence } = this.opts;
    if (!(await queues.tryLead('queue-tick', Math.max(1, this.opts.tickMs - 10)))) return;
    await presence.endWrapUps();
    const all = await queues.listQueues();
    const busy = new Set<string>();
    const waiting = new Map<string | null, EntryRecord[]>();
    for (const queueId of [...all.map((q) => q.id), null]) waiting.set(queueId, await this.sweep(queueId, all, busy));
    for (const queue of all) if (queue.routing !== 'manual') await this.route(queue, waiting.get(queue.id) ?? [], busy);
    await this.routeDirected(waiting.get(null) ?? []);
  }

  /** Abandons, max-wait notices and expired offers of one queue; returns who still waits, and marks agents holding offers. */
  private async sweep(queueId: string | null, all: readonly Queue[], busy: Set<string>): Promise<EntryRecord[]> {
    const { queues, clock, publisher } = this.opts;
    const queue = all.find((q) => q.id === queueId) ?? null;
    const now = clock();
    const still: EntryRecord[] = [];
    let changed = false;
    for (const id of await queues.waitingIds(queueId)) {
      let entry = await queues.getEntry(id);
      if (!entry) continue;
      if (isAbandonDue(entry, now, this.opts.abandonGraceMs)) {
        if (await queues.claimEntry(entry.id, { state: 'abandoned', endedAt: now, offer: null })) {
          this.opts.log.info({ entryId: entry.id }, 'customer abandoned the queue');
          publisher.withdrawOffer(entry, 'abandoned');
          changed = true;
        }
        continue;
      }
      if (queue && isMaxWaitDue(entry, queue, now)) {
        entry = (await queues.patchEntry(entry.id, { maxWaitReachedAt: now }, ['waiting', 'offered'])) ?? entry;
        await publisher.entryChanged(entry);
      }
      if (isOfferExpired(entry, now)) {
        entry = await this.expireOffer(entry, queue);
        changed = true;
      }
      if (entry.offer) busy.add(entry.offer.agentId);
      still.push(entry);
    }
    if (changed) publisher.queueChanged(queueId);
    return still;
  }

  /** The offer timed out: the agent is told, the miss counted (away at the queue's limit); the entry waits for the next agent. */
  private async expireOffer(entry: EntryRecord, queue: Queue | null): Promise<EntryRecord> {
    const { queues, presence, publisher } = this.opts;
    const offer = entry.offer;
    const back = await queues.patchEntry(entry.id, { state: 'waiting', offer: null }, ['offered']);
    if (!back || !offer) return back ?? entry;
    publisher.withdrawOffer(entry, 'timeout');
    if (queue && offer.agentId) await presence.missedOffer(offer.agentId, queue.missedOffersBeforeAway);
    return back;
  }

  /** Offers each head not offered yet to the next agent by the queue's strategy; each agent holds one offer at a time. */
  private async route(queue: Queue, entries: EntryRecord[], busy: Set<string>): Promise<void> {
    let candidates: RoutingCandidate[] | null = null;
    for (const entry of entries) {
      if (entry.offer) continue;
      candidates ??= await this.candidates(queue);
      let agentId = chooseAgent(queue.routing, candidates, new Set([...busy, ...entry.triedAgents]));
      let tried = entry.triedAgents;
      if (!agentId && tried.length > 0) {
        // Everyone was offered this customer once: start the round again.
        tried = [];
        agentId = chooseAgent(queue.routing, candidates, busy);
      }
      if (!agentId) return;
      await this.offer(entry, agentId, queue.offerTimeoutSeconds, [...tried, agentId]);
      busy.add(agentId);
    }
  }

  /** Transfers to named agents: offered to all of them at once, again after DIRECTED_OFFER_SECONDS. */
  private async routeDirected(entries: EntryRecord[]): Promise<void> {
    for (const entry of entries) if (!entry.offer) await this.offer(entry, '', DIRECTED_OFFER_SECONDS, entry.triedAgents);
  }

  private async offer(entry: EntryRecord, agentId: string, timeoutSeconds: number, triedAgents: string[]): Promise<void> {
    const { queues, clock, publisher } = this.opts;
    const offer = { offerId: randomUUID(), agentId, expiresAt: clock() + timeoutSeconds * 1000 };
    const offered = await queues.patchEntry(entry.id, { state: 'offered', offer, triedAgents }, ['waiting']);
    if (!offered) return;
    const position = await queues.positionOf(offered.queueId, offered.id);
    const payload = { offerId: offer.offerId, entry: entryView(offered, position), expiresAt: offer.expiresAt, transfer: offered.transfers.at(-1) ?? null };
    for (const to of agentId ? [agentId] : offered.targetAgents) publisher.offer(to, payload);
    this.opts.log.info({ entryId: entry.id, agentId: agentId || 'named agents' }, 'customer offered');
  }

  private async candidates(queue: Queue): Promise<RoutingCandidate[]> {
    const views = await this.opts.presence.views(queue.members);
    const cap = queue.maxSessionsPerAgent;
    return views.map((v) => ({
      accountId: v.accountId, state: v.state, activeSessions: v.activeSessions,
      capacity: cap === null ? v.maxSessions : Math.min(cap, v.maxSessions), idleSince: v.idleSince,
    }));
  }
}
