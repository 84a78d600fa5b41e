import type { AccountProfile, Queue, QueueCreateRequest, QueueUpdateRequest, QuickPhrase, QuickPhraseCreateRequest } from '@rs/signaling';
import { ApiError, TypedEmitter, type ApiClient, type MessageKey } from '@rs/web-common';

export type QueueAdminEvents = {
  changed: [];
  unauthenticated: [];
};

/** The admin's queues and quick phrases (REST): list, create, edit, delete; the agents who may be members. */
export class QueueAdminManager {
  readonly events = new TypedEmitter<QueueAdminEvents>();
  queues: Queue[] = [];
  phrases: QuickPhrase[] = [];
  agents: AccountProfile[] = [];

  constructor(
    private readonly api: ApiClient,
    private readonly token: string,
  ) {}

  async load(): Promise<void> {
    const [queues, phrases, accounts] = await this.guard(Promise.all([this.api.listQueues(this.token), this.api.listQuickPhrases(this.token), this.api.listAccounts(this.token)]));
    this.queues = queues.queues;
    this.phrases = phrases.phrases;
    this.agents = accounts.accounts.filter((account) => account.role === 'agent');
    this.events.emit('changed');
  }

  async saveQueue(queueId: string | null, body: QueueCreateRequest): Promise<Queue> {
    const update: QueueUpdateRequest = body;
    const saved = await this.guard(queueId ? this.api.updateQueue(this.token, queueId, update) : this.api.createQueue(this.token, body));
    this.queues = queueId ? this.queues.map((queue) => (queue.id === saved.id ? saved : queue)) : [...this.queues, saved];
    this.events.emit('changed');
    return saved;
  }

  async deleteQueue(queueId: string): Promise<void> {
    await this.guard(this.api.deleteQueue(this.token, queueId));
    this.queues = this.queues.filter((queue) => queue.id !== queueId);
    this.events.emit('changed');
  }

  async addPhrase(body: QuickPhraseCreateRequest): Promise<QuickPhrase> {
    const created = await this.guard(this.api.createQuickPhrase(this.token, body));
    this.phrases = [...this.phrases, created];
    this.events.emit('changed');
    return created;
  }

  async deletePhrase(phraseId: string): Promise<void> {
    await this.guard(this.api.deleteQuickPhrase(this.token, phraseId));
    this.phrases = this.phrases.filter((phrase) => phrase.id !== phraseId);
    this.events.emit('changed');
  }

  static messageFor(error: unknown, fallback: MessageKey): MessageKey {
    const code = error instanceof ApiError ? error.code : 'INTERNAL';
    if (code === 'INVALID_PAYLOAD') return 'queueAdmin.invalid';
    if (code === 'PHRASE_CODE_TAKEN') return 'phraseAdmin.codeTaken';
    if (code === 'NETWORK_ERROR') return 'error.network';
    return fallback;
  }

  private async guard<T>(call: Promise<T>): Promise<T> {
    try {
      return await call;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') this.events.emit('unauthenticated');
      throw error;
    }
  }
}
