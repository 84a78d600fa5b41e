import { ROUTES } from '@rs/signaling';
import type { Queue, QueueCreateRequest, QueueRecord, QueueRecordsResponse, QuickPhrase, QuickPhraseCreateRequest, Result } from '@rs/signaling';
import { signInOverRest, type Credentials } from '../support/accounts';

/** What the admin sets up for the queue tests, through the admin REST API as a real admin would. */
async function call<T>(baseUrl: string, method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const result = (await response.json()) as Result<T>;
  if (!result.ok) throw new Error(`${method} ${path} refused (HTTP ${response.status}): ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** Queue settings for tests: manual routing, short timeouts, no form fields; override what a test needs. */
export function queueSettings(name: string, members: string[], overrides: Partial<QueueCreateRequest> = {}): QueueCreateRequest {
  return {
    name: { en: name },
    greeting: { en: `Welcome to ${name}. An agent will be with you shortly.` },
    routing: 'manual',
    offerTimeoutSeconds: 30,
    maxWaitSeconds: 3_600,
    maxSessionsPerAgent: null,
    wrapUpSeconds: 0,
    missedOffersBeforeAway: 3,
    members,
    formFields: [],
    ...overrides,
  };
}

export async function createQueue(baseUrl: string, admin: Credentials, settings: QueueCreateRequest): Promise<Queue> {
  const { token } = await signInOverRest(baseUrl, admin);
  return call<Queue>(baseUrl, 'POST', ROUTES.queues, token, settings);
}

export async function createQuickPhrase(baseUrl: string, admin: Credentials, phrase: QuickPhraseCreateRequest): Promise<QuickPhrase> {
  const { token } = await signInOverRest(baseUrl, admin);
  return call<QuickPhrase>(baseUrl, 'POST', ROUTES.quickPhrases, token, phrase);
}

/** What the record says about a queue's customers (newest first). */
export async function queueRecords(baseUrl: string, admin: Credentials, queueId: string): Promise<QueueRecord[]> {
  const { token } = await signInOverRest(baseUrl, admin);
  return (await call<QueueRecordsResponse>(baseUrl, 'GET', `${ROUTES.queueRecords}?queueId=${encodeURIComponent(queueId)}`, token)).records;
}
