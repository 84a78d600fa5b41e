import { AssistBoxView } from '../assist/assist-box-view';
import { assistNumberFromHash, clearAssistHash } from '../assist/assist-link';
import { h } from '@rs/web-common';
import { createAgentQueues, type AgentQueues } from '../queue/agent-queues';
import { ConsoleView } from '../session/console-view';
import { SessionWorkspace } from '../session/session-workspace';
import { createStartSession } from '../session/start-session-view';
import type { Home, StaffContext } from './staff-context';

export interface WorkspaceHome extends Home {
  workspace: SessionWorkspace;
  /** Agents only: presence and support queues. */
  queues?: AgentQueues;
}

/** An agent's home: the support queues beside the sessions; start sessions (up to the admin-set maximum), assist others' sessions, one tab each. */
export function createAgentHome(context: StaffContext): WorkspaceHome {
  const workspace = new SessionWorkspace(context, async () => (await context.signaling.request('agent:sessions', {})).sessions);
  const assistBox = new AssistBoxView(workspace);
  const view = new ConsoleView(workspace, context, {
    barItems: [assistBox.element, createStartSession(workspace, context)],
    emptyText: 'console.noSessions',
  });

  // An assist link (`/console/#assist=123456789`) opened here, now or later.
  const followAssistLink = (): void => {
    const linked = assistNumberFromHash(window.location.hash);
    if (!linked) return;
    clearAssistHash();
    if (context.signaling.connected) void assistBox.assist(linked);
    else context.signaling.connection.once('connected', () => void assistBox.assist(linked));
  };
  window.addEventListener('hashchange', followAssistLink);
  followAssistLink();
  const queues = createAgentQueues(context, workspace);

  return {
    element: h('div', { className: 'agent-home', testId: 'agent-home' }, [queues.element, view.element]),
    workspace,
    queues,
    dispose: () => {
      queues.dispose();
      window.removeEventListener('hashchange', followAssistLink);
      view.dispose();
      workspace.close();
    },
  };
}
