import { HelpResponseSchema, LanguageSchema, QUEUE_LIMITS, type HelpFormAnswers, type HelpResponse, type PublicQueue } from '@rs/signaling';
import { ApiError, StoredValue, getLanguage, type ApiClient, type MessageKey, type MessageParams } from '@rs/web-common';

/** A place in a queue, kept for this tab so a reload (or a brief disconnect) keeps it. */
export const helpTicket = new StoredValue('rs.help', HelpResponseSchema.pick({ entryId: true, waitToken: true }));
export type HelpTicket = NonNullable<ReturnType<typeof helpTicket.get>>;

/** A refused help request: the message to show, and the fields to mark (by id: name, email, problem or an admin field). */
export class HelpRequestError extends Error {
  constructor(
    readonly messageKey: MessageKey,
    readonly fields: Record<string, MessageKey> = {},
    readonly params?: MessageParams,
  ) {
    super(messageKey);
  }
}

/** What the help page was opened with: the site's queue and the page the help button was on. */
export interface HelpLink {
  queueId: string | null;
  referrer: string;
}

export function readHelpLink(search: string): HelpLink {
  const query = new URLSearchParams(search);
  const ref = query.get('ref') ?? '';
  return { queueId: query.get('queue'), referrer: /^https?:\/\//i.test(ref) ? ref.slice(0, QUEUE_LIMITS.referrerLength) : '' };
}

/** The server's reason for one field, as a message the customer can read. */
function fieldMessage(reason: string): MessageKey {
  if (/required|missing|empty/i.test(reason)) return 'help.fieldRequired';
  if (/mail/i.test(reason)) return 'help.emailInvalid';
  if (/long|max|characters/i.test(reason)) return 'help.fieldTooLong';
  return 'help.fieldInvalid';
}

/** The help page's calls: the queues, then the form (validated again by the server, which has the last word). */
export class HelpRequestManager {
  constructor(private readonly api: ApiClient) {}

  async queues(): Promise<PublicQueue[]> {
    return (await this.api.helpQueues()).queues;
  }

  async submit(queueId: string, form: HelpFormAnswers, link: HelpLink): Promise<HelpResponse> {
    try {
      const language = LanguageSchema.parse(getLanguage());
      const answer = await this.api.requestHelp({ queueId, form, language, ...(link.referrer ? { referrer: link.referrer } : {}) });
      helpTicket.set({ entryId: answer.entryId, waitToken: answer.waitToken });
      return answer;
    } catch (error) {
      throw HelpRequestManager.failure(error);
    }
  }

  private static failure(error: unknown): HelpRequestError {
    if (!(error instanceof ApiError)) return new HelpRequestError('error.generic');
    switch (error.code) {
      case 'FORM_INVALID':
      case 'INVALID_PAYLOAD': {
        const fields = Object.fromEntries(Object.entries(error.fields ?? {}).map(([id, reason]) => [id, fieldMessage(reason)]));
        return new HelpRequestError('help.invalid', fields);
      }
      case 'QUEUE_NOT_FOUND':
        return new HelpRequestError('help.queueUnavailable');
      case 'RATE_LIMITED':
        return new HelpRequestError('help.rateLimited', {}, { seconds: error.retryAfterSeconds ?? 60 });
      case 'NETWORK_ERROR':
        return new HelpRequestError('error.network');
      case 'STORE_UNAVAILABLE':
        return new HelpRequestError('error.storeUnavailable');
      default:
        return new HelpRequestError('error.generic');
    }
  }
}
