import type { SessionId, SessionSummary } from '@rs/signaling';
import { SessionIdSchema } from '@rs/signaling';
import { StoredValue, TypedEmitter } from '@rs/web-common';
import type { StaffContext } from '../home/staff-context';
import { AgentSession } from './agent-session';
import { forgetInvitation, invitationFor, rememberInvitation } from './invitations';

/** The tab in front, so a reload brings the user back to it. */
const activeTab = new StoredValue('rs.activeSession', SessionIdSchema);

export type SessionWorkspaceEvents = {
  added: [AgentSession];
  removed: [SessionId];
  activated: [SessionId | null];
};

/** Which open sessions this console should show again after a (re)connect or a reload. */
export type SessionSource = () => Promise<SessionSummary[]>;

/**
 * All the sessions a staff member has open at once, one tab each (R1.2
 * multi-session): starting, assisting or watching one, re-attaching open ones
 * after a reload, and which one is in front.
 */
export class SessionWorkspace {
  readonly events = new TypedEmitter<SessionWorkspaceEvents>();
  private readonly sessions = new Map<SessionId, AgentSession>();
  private activeId: SessionId | null = null;

  constructor(
    private readonly context: StaffContext,
    private readonly source: SessionSource,
  ) {
    // Every (re)connect: re-attach sessions this page does not show yet.
    context.signaling.connection.on('connected', () => void this.restore());
  }

  get active(): AgentSession | null {
    return this.activeId ? (this.sessions.get(this.activeId) ?? null) : null;
  }

  list(): AgentSession[] {
    return [...this.sessions.values()];
  }

  get(id: SessionId): AgentSession | undefined {
    return this.sessions.get(id);
  }

  /** A new session of this agent (refused with SESSION_LIMIT beyond the agent's maximum). */
  async startSession(): Promise<AgentSession> {
    const created = await this.context.api.createSession(this.context.token);
    rememberInvitation(created);
    return this.open(created.session);
  }

  /** Joins another agent's session as assistant, by its number (R1.3). */
  async assist(sessionNumber: string): Promise<AgentSession> {
    return this.open((await this.context.signaling.request('session:assist', { sessionNumber })).session);
  }

  /** A session the server put this agent in (a customer accepted from a queue): open it in front. */
  adopt(summary: SessionSummary): AgentSession {
    return this.open(summary);
  }

  /** Joins a session of one of this supervisor's agents as a silent watcher. */
  async watch(sessionId: SessionId): Promise<AgentSession> {
    return this.open((await this.context.signaling.request('session:watch', { sessionId })).session);
  }

  activate(id: SessionId): void {
    if (!this.sessions.has(id) || this.activeId === id) return;
    this.activeId = id;
    activeTab.set(id);
    this.events.emit('activated', id);
  }

  /** Closes a tab; the session itself goes on unless it was ended. */
  closeTab(id: SessionId): void {
    const session = this.sessions.get(id);
    if (!session) return;
    const order = [...this.sessions.keys()];
    session.close();
    this.sessions.delete(id);
    forgetInvitation(id);
    this.events.emit('removed', id);
    if (this.activeId === id) {
      const index = order.indexOf(id);
      this.activeId = order[index + 1] ?? order[index - 1] ?? null;
      this.events.emit('activated', this.activeId);
    }
  }

  close(): void {
    for (const session of this.sessions.values()) session.close();
    this.sessions.clear();
    this.events.removeAllListeners();
  }

  private open(summary: SessionSummary): AgentSession {
    const session = this.add(summary);
    this.activate(session.id);
    return session;
  }

  private async restore(): Promise<void> {
    try {
      const sessions = await this.source();
      for (const summary of [...sessions].sort((a, b) => a.createdAt - b.createdAt)) {
        if (summary.state !== 'ended') this.add(summary);
      }
      const remembered = activeTab.get();
      const first = this.sessions.keys().next();
      if (this.activeId !== null) return;
      if (remembered && this.sessions.has(remembered)) this.activate(remembered);
      else if (!first.done) this.activate(first.value);
    } catch (error) {
      console.warn('open sessions could not be listed', error);
    }
  }

  private add(summary: SessionSummary): AgentSession {
    const existing = this.sessions.get(summary.id);
    if (existing) return existing;
    const session = new AgentSession(this.context, summary, invitationFor(summary));
    this.sessions.set(summary.id, session);
    session.events.on('left', () => this.closeTab(session.id));
    session.events.on('unavailable', () => this.closeTab(session.id));
    this.events.emit('added', session);
    session.start();
    return session;
  }
}
