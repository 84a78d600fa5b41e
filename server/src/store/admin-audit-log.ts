import type { AdminAuditEntry } from '@rs/signaling';
import type { RedisClient } from './redis-client';
import type { RedisKeys } from './redis-keys';

/** The most entries kept: the oldest are dropped beyond it (years of a team's account changes). */
export const ADMIN_AUDIT_KEEP = 10_000;

/** Who changed which account when (R1.2): an append-only log, read newest first. */
export interface AdminAuditLog {
  append(entry: AdminAuditEntry): Promise<void>;
  /** The newest `limit` entries, newest first. */
  list(limit: number): Promise<AdminAuditEntry[]>;
}

export class MemoryAdminAuditLog implements AdminAuditLog {
  readonly #entries: AdminAuditEntry[] = [];

  async append(entry: AdminAuditEntry): Promise<void> {
    this.#entries.unshift(structuredClone(entry));
    this.#entries.length = Math.min(this.#entries.length, ADMIN_AUDIT_KEEP);
  }

  async list(limit: number): Promise<AdminAuditEntry[]> {
    return structuredClone(this.#entries.slice(0, limit));
  }
}

/** A capped Redis list, newest at the head. */
export class RedisAdminAuditLog implements AdminAuditLog {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async append(entry: AdminAuditEntry): Promise<void> {
    const key = this.keys.adminAudit();
    await this.client.multi().lPush(key, JSON.stringify(entry)).lTrim(key, 0, ADMIN_AUDIT_KEEP - 1).exec();
  }

  async list(limit: number): Promise<AdminAuditEntry[]> {
    if (limit <= 0) return [];
    const values = await this.client.lRange(this.keys.adminAudit(), 0, limit - 1);
    return values.map((v) => JSON.parse(v) as AdminAuditEntry);
  }
}
