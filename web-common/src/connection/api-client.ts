import { z } from 'zod';
import {
  AccountListResponseSchema,
  AccountProfileSchema,
  AdminAuditResponseSchema,
  CreateSessionResponseSchema,
  CustomerJoinResponseSchema,
  HealthResponseSchema,
  HistoryAgentSchema,
  HistoryPageSchema,
  historySearchParams,
  HelpQueuesResponseSchema,
  HelpResponseSchema,
  QueueListResponseSchema,
  QueueSchema,
  QuickPhraseListResponseSchema,
  QuickPhraseSchema,
  LoginResponseSchema,
  ROUTES,
  SessionRecordResponseSchema,
  type AccountListResponse,
  type AccountProfile,
  type AdminAuditResponse,
  type ChangePasswordRequest,
  type CreateAccountRequest,
  type CreateSessionResponse,
  type CustomerJoinRequest,
  type CustomerJoinResponse,
  type HealthResponse,
  type HistoryAgent,
  type HistoryPage,
  type HistoryQueryInput,
  type HelpQueuesResponse,
  type HelpRequest,
  type HelpResponse,
  type Queue,
  type QueueCreateRequest,
  type QueueListResponse,
  type QueueUpdateRequest,
  type QuickPhrase,
  type QuickPhraseCreateRequest,
  type QuickPhraseListResponse,
  type QuickPhraseUpdateRequest,
  type LoginRequest,
  type LoginResponse,
  type SessionRecordResponse,
  type UpdateAccountRequest,
} from '@rs/signaling';
import { ApiError } from './api-error';
import { unwrapResult } from './result-envelope';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Logout answers with an empty object (or nothing we need to read). */
const AnySchema = z.unknown();

/** Typed helpers for the REST routes. Every answer is a Result<T>, checked against its schema. */
export class ApiClient {
  constructor(private readonly baseUrl: string = '') {}

  login(body: LoginRequest): Promise<LoginResponse> {
    return this.call(ROUTES.login, LoginResponseSchema, { method: 'POST', body });
  }

  async logout(token: string): Promise<void> {
    await this.call(ROUTES.logout, AnySchema, { method: 'POST', body: {}, token });
  }

  me(token: string): Promise<AccountProfile> {
    return this.call(ROUTES.me, AccountProfileSchema, { method: 'GET', token });
  }

  createSession(token: string): Promise<CreateSessionResponse> {
    return this.call(ROUTES.sessions, CreateSessionResponseSchema, { method: 'POST', body: {}, token });
  }

  /** A new number for a session whose number expired unused (the agent in control; NUMBER_IN_USE once a customer joined). */
  renewSessionNumber(token: string, sessionId: string): Promise<CreateSessionResponse> {
    return this.call(ROUTES.sessionNumber(sessionId), CreateSessionResponseSchema, { method: 'POST', body: {}, token });
  }

  sessionRecord(token: string, sessionId: string): Promise<SessionRecordResponse> {
    return this.call(ROUTES.sessionRecord(sessionId), SessionRecordResponseSchema, { method: 'GET', token });
  }

  listAccounts(token: string): Promise<AccountListResponse> {
    return this.call(ROUTES.accounts, AccountListResponseSchema, { method: 'GET', token });
  }

  createAccount(token: string, body: CreateAccountRequest): Promise<AccountProfile> {
    return this.call(ROUTES.accounts, AccountProfileSchema, { method: 'POST', body, token });
  }

  updateAccount(token: string, accountId: string, body: UpdateAccountRequest): Promise<AccountProfile> {
    return this.call(ROUTES.account(accountId), AccountProfileSchema, { method: 'PATCH', body, token });
  }

  /** Disables or re-enables an account (admin). */
  setAccountDisabled(token: string, accountId: string, disabled: boolean): Promise<AccountProfile> {
    return this.call(ROUTES.accountStatus(accountId), AccountProfileSchema, { method: 'POST', body: { disabled }, token });
  }

  async deleteAccount(token: string, accountId: string): Promise<void> {
    await this.call(ROUTES.account(accountId), AnySchema, { method: 'DELETE', token });
  }

  adminAudit(token: string, limit = 200): Promise<AdminAuditResponse> {
    return this.call(`${ROUTES.adminAudit}?limit=${limit}`, AdminAuditResponseSchema, { method: 'GET', token });
  }

  /** My own password; answers with a fresh token (every earlier one stops working). */
  changePassword(token: string, body: ChangePasswordRequest): Promise<LoginResponse> {
    return this.call(ROUTES.password, LoginResponseSchema, { method: 'POST', body, token });
  }

  join(body: CustomerJoinRequest): Promise<CustomerJoinResponse> {
    return this.call(ROUTES.join, CustomerJoinResponseSchema, { method: 'POST', body });
  }

  /** The public help page: queues a customer may pick, with their form fields. */
  helpQueues(): Promise<HelpQueuesResponse> {
    return this.call(ROUTES.helpQueues, HelpQueuesResponseSchema, { method: 'GET' });
  }

  /** The pre-session form: a place in the queue and the token to wait with. */
  requestHelp(body: HelpRequest): Promise<HelpResponse> {
    return this.call(ROUTES.help, HelpResponseSchema, { method: 'POST', body });
  }

  listQueues(token: string): Promise<QueueListResponse> {
    return this.call(ROUTES.queues, QueueListResponseSchema, { method: 'GET', token });
  }

  createQueue(token: string, body: QueueCreateRequest): Promise<Queue> {
    return this.call(ROUTES.queues, QueueSchema, { method: 'POST', body, token });
  }

  updateQueue(token: string, queueId: string, body: QueueUpdateRequest): Promise<Queue> {
    return this.call(ROUTES.queue(queueId), QueueSchema, { method: 'PATCH', body, token });
  }

  async deleteQueue(token: string, queueId: string): Promise<void> {
    await this.call(ROUTES.queue(queueId), AnySchema, { method: 'DELETE', token });
  }

  listQuickPhrases(token: string): Promise<QuickPhraseListResponse> {
    return this.call(ROUTES.quickPhrases, QuickPhraseListResponseSchema, { method: 'GET', token });
  }

  createQuickPhrase(token: string, body: QuickPhraseCreateRequest): Promise<QuickPhrase> {
    return this.call(ROUTES.quickPhrases, QuickPhraseSchema, { method: 'POST', body, token });
  }

  updateQuickPhrase(token: string, phraseId: string, body: QuickPhraseUpdateRequest): Promise<QuickPhrase> {
    return this.call(ROUTES.quickPhrase(phraseId), QuickPhraseSchema, { method: 'PATCH', body, token });
  }

  async deleteQuickPhrase(token: string, phraseId: string): Promise<void> {
    await this.call(ROUTES.quickPhrase(phraseId), AnySchema, { method: 'DELETE', token });
  }

  /** A page of session history (R10.1), as the caller's role may see it. */
  history(token: string, query: HistoryQueryInput): Promise<HistoryPage> {
    return this.call(`${ROUTES.history}?${historySearchParams(query)}`, HistoryPageSchema, { method: 'GET', token });
  }

  historyAgents(token: string): Promise<HistoryAgent[]> {
    return this.call(ROUTES.historyAgents, z.array(HistoryAgentSchema), { method: 'GET', token });
  }

  /** Every history row matching the query, as a CSV file (UTF-8 with BOM) and its file name. */
  async historyCsv(token: string, query: HistoryQueryInput): Promise<{ blob: Blob; fileName: string }> {
    const path = `${ROUTES.historyCsv}?${historySearchParams(query)}`;
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
    } catch {
      throw new ApiError('NETWORK_ERROR', `${path}: the server could not be reached`);
    }
    // Refusals come as the usual JSON envelope.
    if (!response.ok) return unwrapResult(await response.json().catch(() => null), z.never(), path, response.status);
    const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'session-history.csv';
    return { blob: await response.blob(), fileName };
  }

  health(): Promise<HealthResponse> {
    return this.call(ROUTES.health, HealthResponseSchema, { method: 'GET' });
  }

  private async call<T>(
    path: string,
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    options: { method: Method; body?: object; token?: string },
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, {
        method: options.method,
        headers,
        body: options.body ? JSON.stringify(options.body) : undefined,
      });
    } catch {
      throw new ApiError('NETWORK_ERROR', `${path}: the server could not be reached`);
    }
    let raw: unknown;
    try {
      raw = await response.json();
    } catch {
      throw new ApiError('BAD_RESPONSE', `${path}: answer is not JSON (HTTP ${response.status})`, response.status);
    }
    return unwrapResult(raw, schema, path, response.status);
  }
}
