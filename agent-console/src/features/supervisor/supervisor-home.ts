import { z } from 'zod';
import { SessionIdSchema, type SessionId } from '@rs/signaling';
import { StoredValue, h } from '@rs/web-common';
import type { WorkspaceHome } from '../home/agent-home';
import type { StaffContext } from '../home/staff-context';
import { ConsoleView } from '../session/console-view';
import { SessionWorkspace } from '../session/session-workspace';
import { LiveSessionsManager } from './live-sessions-manager';
import { LiveSessionsView } from './live-sessions-view';
import { createQueueBoardView } from './queue-board-view';

/** Sessions this tab watches, so a reload opens them again. */
const watched = new StoredValue('rs.watched', z.array(SessionIdSchema));

/** A supervisor's home: the live sessions of their agents, and one tab per watched session. */
export function createSupervisorHome(context: StaffContext): WorkspaceHome {
  const live = new LiveSessionsManager(context.signaling);
  const workspace = new SessionWorkspace(context, async () => {
    const ids = new Set(watched.get() ?? []);
    if (ids.size === 0) return [];
    const { sessions } = await context.signaling.request('supervisor:sessions', {});
    return sessions.filter((s) => ids.has(s.session.id)).map((s) => s.session);
  });
  const remember = (id: SessionId, keep: boolean): void => {
    const ids = (watched.get() ?? []).filter((each) => each !== id);
    watched.set(keep ? [...ids, id] : ids);
  };
  const list = new LiveSessionsView(live, {
    isOpen: (id) => workspace.get(id) !== undefined,
    watch: async ({ session }) => {
      if (workspace.get(session.id)) return workspace.activate(session.id);
      await workspace.watch(session.id);
      remember(session.id, true);
    },
  });
  workspace.events.on('added', () => list.refresh());
  workspace.events.on('removed', (id) => {
    remember(id, false);
    list.refresh();
  });
  const view = new ConsoleView(workspace, context, { barItems: [], emptyText: 'supervisor.noWatched' });
  const board = createQueueBoardView(context.signaling);
  return {
    element: h('div', { className: 'supervisor-home', testId: 'supervisor-home' }, [board.element, list.element, view.element]),
    workspace,
    dispose: () => {
      board.dispose();
      live.close();
      view.dispose();
      workspace.close();
    },
  };
}
