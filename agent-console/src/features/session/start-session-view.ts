import { ApiError, StatusLine, bindText, h } from '@rs/web-common';
import type { StaffContext } from '../home/staff-context';
import type { SessionWorkspace } from './session-workspace';

/** "Start session", and why it was refused (the agent's maximum of concurrent sessions, R1.2). */
export function createStartSession(workspace: SessionWorkspace, context: StaffContext): HTMLElement {
  const error = new StatusLine('start-error', 'form-error');
  error.element.setAttribute('role', 'alert');
  const button = h('button', { className: 'btn btn-primary', testId: 'start-session', i18n: 'console.startSession', attrs: { type: 'button' } });

  const explain = async (failure: unknown): Promise<void> => {
    console.warn('session start failed', failure);
    if (!(failure instanceof ApiError && failure.code === 'SESSION_LIMIT')) return error.show('console.startFailed', 'error', undefined, 'failed');
    // The admin may have changed the maximum since sign-in: read it again.
    const max = await context.api.me(context.token).then((me) => me.maxSessions, () => context.account.maxSessions);
    error.show('console.sessionLimit', 'error', { max }, 'session-limit');
  };

  button.addEventListener('click', () => {
    button.disabled = true;
    bindText(button, 'console.starting');
    error.clear();
    workspace
      .startSession()
      .catch(explain)
      .finally(() => {
        button.disabled = false;
        bindText(button, 'console.startSession');
      });
  });
  return h('div', { className: 'start-session' }, [button, error.element]);
}
