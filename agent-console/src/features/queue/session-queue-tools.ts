import { LanguageSchema, QUEUE_LIMITS, type Language, type TransferTarget } from '@rs/signaling';
import { ApiError, getLanguage, h, type Toaster } from '@rs/web-common';
import type { AgentSession } from '../session/agent-session';
import { loadIntake, type Intake } from './intake';
import { createIntakeView } from './intake-view';
import { attachQuickPhrases } from './quick-phrase-picker';
import { QuickPhraseBook } from './quick-phrases';
import { openTransferDialog } from './transfer-dialog';

/** What a session's view gains from the queues: the intake card, Transfer, quick phrases in the chat box. */
export interface SessionQueueTools {
  intake: HTMLElement;
  transferButton: HTMLButtonElement;
  /** Shows Transfer to the agent in control of a running session only. */
  render(): void;
}

export function createSessionQueueTools(session: AgentSession, toaster: Toaster, closeTab: () => void): SessionQueueTools {
  const { context } = session;
  const intake: Promise<Intake | null> = loadIntake(context, session.id);
  let known: Intake | null = null;
  void intake.then((value) => (known = value));
  // The session's language is the customer's (from the help form); the console's for a session started by number.
  const language = (): Language => known?.language ?? LanguageSchema.catch('en').parse(getLanguage());
  const book = new QuickPhraseBook(context.signaling, () => known?.queueId ?? null);
  attachQuickPhrases(session.chat.binding.view, book, language);

  const transferButton = h('button', { className: 'btn btn-secondary', testId: 'transfer-open', i18n: 'transfer.open', attrs: { type: 'button', 'aria-haspopup': 'dialog' } });
  const send = async (target: TransferTarget, message: string): Promise<void> => {
    try {
      await context.signaling.request('session:transfer', { sessionId: session.id, target, ...(message ? { message } : {}) });
      toaster.show('transfer.done', undefined, 'success');
      closeTab();
    } catch (error) {
      console.warn('session:transfer failed', error);
      const tooLong = error instanceof ApiError && error.code === 'TRANSFER_MESSAGE_TOO_LONG';
      toaster.show(tooLong ? 'transfer.tooLong' : 'transfer.failed', { max: QUEUE_LIMITS.transferMessageLength }, 'error', 8000);
    } finally {
      transferButton.disabled = false;
    }
  };
  transferButton.addEventListener('click', () => {
    transferButton.disabled = true;
    void Promise.all([context.api.helpQueues(), context.signaling.request('queue:agents', {})])
      .then(([{ queues }, { agents }]) => {
        openTransferDialog({ queues, agents: agents.filter((agent) => agent.accountId !== context.account.id) }, (target, message) => {
          transferButton.disabled = true;
          void send(target, message);
        });
      })
      .catch(() => toaster.show('transfer.failed', undefined, 'error'))
      .finally(() => (transferButton.disabled = false));
  });
  return {
    intake: createIntakeView(intake),
    transferButton,
    render: () => {
      transferButton.hidden = session.ended || !session.isController;
    },
  };
}
