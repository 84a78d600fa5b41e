import { randomUUID } from 'node:crypto';
import type { Language, Queue, QueueSettings, QueueUpdateRequest, QuickPhrase, QuickPhraseSettings } from '@rs/signaling';
import { QUEUE_LIMITS, QueueSettingsSchema, QuickPhraseSettingsSchema } from '@rs/signaling';
import { AppError } from '../../errors/app-error';
import type { Logger } from '../../logging/logger';
import type { QueueStore } from '../../store/queue-store';
import type { Clock } from '../clock';
import type { AgentAccounts } from './presence-service';
import type { QueuePublisher } from './queue-publisher';

export interface QueueAdminOptions {
  queues: QueueStore;
  accounts: AgentAccounts;
  publisher: QueuePublisher;
  clock: Clock;
  log: Logger;
}

/** Admins set up queues (routing, greeting, maximum wait, form fields, members) and quick phrases (R6.2). */
export class QueueAdminService {
  constructor(private readonly opts: QueueAdminOptions) {}

  list(): Promise<Queue[]> {
    return this.opts.queues.listQueues();
  }

  async create(settings: QueueSettings): Promise<Queue> {
    if ((await this.opts.queues.listQueues()).length >= QUEUE_LIMITS.queues) throw new AppError('INVALID_PAYLOAD', `${QUEUE_LIMITS.queues} queues at most`);
    await this.requireAgents(settings.members);
    const now = this.opts.clock();
    const queue: Queue = { ...settings, members: [...new Set(settings.members)], id: randomUUID(), createdAt: now, updatedAt: now };
    await this.opts.queues.putQueue(queue);
    this.opts.log.info({ queueId: queue.id, routing: queue.routing }, 'queue created');
    for (const accountId of queue.members) this.opts.publisher.agentChanged(accountId);
    return queue;
  }

  async update(queueId: string, changes: QueueUpdateRequest): Promise<Queue> {
    const current = await this.require(queueId);
    const merged = QueueSettingsSchema.safeParse({ ...settingsOf(current), ...changes });
    if (!merged.success) throw new AppError('INVALID_PAYLOAD', merged.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    await this.requireAgents(merged.data.members);
    const queue: Queue = { ...current, ...merged.data, members: [...new Set(merged.data.members)], updatedAt: this.opts.clock() };
    await this.opts.queues.putQueue(queue);
    this.opts.log.info({ queueId }, 'queue updated');
    for (const accountId of new Set([...current.members, ...queue.members])) this.opts.publisher.agentChanged(accountId);
    this.opts.publisher.queueChanged(queueId);
    return queue;
  }

  /** Customers still waiting in it are told their request is cancelled. */
  async remove(queueId: string): Promise<void> {
    const queue = await this.require(queueId);
    const now = this.opts.clock();
    for (const entryId of await this.opts.queues.waitingIds(queueId)) {
      const entry = await this.opts.queues.claimEntry(entryId, { state: 'cancelled', endedAt: now, offer: null });
      if (entry) await this.opts.publisher.entryChanged(entry);
    }
    await this.opts.queues.deleteQueue(queueId);
    this.opts.log.info({ queueId }, 'queue deleted');
    for (const accountId of queue.members) this.opts.publisher.agentChanged(accountId);
  }

  listPhrases(): Promise<QuickPhrase[]> {
    return this.opts.queues.listPhrases();
  }

  /** Phrases of a language (all when omitted) for a queue: the queue's own and those for every queue. */
  async phrasesFor(language?: Language, queueId?: string | null): Promise<QuickPhrase[]> {
    const all = await this.opts.queues.listPhrases();
    return all
      .filter((p) => (language === undefined || p.language === language) && (p.queueId === null || p.queueId === (queueId ?? null)))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  async createPhrase(settings: QuickPhraseSettings): Promise<QuickPhrase> {
    const all = await this.opts.queues.listPhrases();
    if (all.length >= QUEUE_LIMITS.quickPhrases) throw new AppError('INVALID_PAYLOAD', `${QUEUE_LIMITS.quickPhrases} quick phrases at most`);
    const phrase: QuickPhrase = { ...settings, id: randomUUID() };
    await this.checkPhrase(phrase, all);
    await this.opts.queues.putPhrase(phrase);
    return phrase;
  }

  async updatePhrase(phraseId: string, changes: Partial<QuickPhraseSettings>): Promise<QuickPhrase> {
    const all = await this.opts.queues.listPhrases();
    const current = all.find((p) => p.id === phraseId);
    if (!current) throw new AppError('PHRASE_NOT_FOUND', 'no such quick phrase');
    const { id: _id, ...currentSettings } = current;
    const phrase: QuickPhrase = { ...QuickPhraseSettingsSchema.parse({ ...currentSettings, ...changes }), id: phraseId };
    await this.checkPhrase(phrase, all);
    await this.opts.queues.putPhrase(phrase);
    return phrase;
  }

  async deletePhrase(phraseId: string): Promise<void> {
    if (!(await this.opts.queues.deletePhrase(phraseId))) throw new AppError('PHRASE_NOT_FOUND', 'no such quick phrase');
  }

  /** A code is unique per language and queue; a queue phrase names an existing queue. */
  private async checkPhrase(phrase: QuickPhrase, all: readonly QuickPhrase[]): Promise<void> {
    if (phrase.queueId !== null) await this.require(phrase.queueId);
    const clash = all.some((p) => p.id !== phrase.id && p.code === phrase.code && p.language === phrase.language && p.queueId === phrase.queueId);
    if (clash) throw new AppError('PHRASE_CODE_TAKEN', `the code ${phrase.code} is already used in this language`);
  }

  private async requireAgents(accountIds: readonly string[]): Promise<void> {
    for (const id of new Set(accountIds)) {
      const account = await this.opts.accounts.get(id);
      if (account.role !== 'agent') throw new AppError('INVALID_PAYLOAD', 'queue members are agents');
    }
  }

  private async require(queueId: string): Promise<Queue> {
    const queue = await this.opts.queues.getQueue(queueId);
    if (!queue) throw new AppError('QUEUE_NOT_FOUND', 'no such queue');
    return queue;
  }
}

function settingsOf(queue: Queue): QueueSettings {
  const { id: _id, createdAt: _c, updatedAt: _u, ...settings } = queue;
  return settings;
}
