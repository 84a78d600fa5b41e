import type { SessionId, SessionSummary } from '@rs/signaling';
import { SessionIdSchema } from '@rs/signaling';
import { StoredValue, TypedEmitter, type ApiClient, type SignalingClient } from '@rs/web-common';
import { AgentSession } from './agent-session';
import { forgetInvitation, invitationFor, rememberInvitation } from './invitations';

/** The tab in front, so a reload brings the agent back to it. */
const activeTab = new StoredValue('rs.activeSession', SessionIdSchema);

export type SessionWorkspaceEvents = {
  added: [AgentSession];
  removed: [SessionId];
  activated: [SessionId | null];
};

/**
 * All the sessions an agent runs at once (R1.2 multi-session): starting new
 * ones, re-attaching open ones after a reload, and which one is in front.
 */
export class SessionWorkspace {
  readonly events = new TypedEmitter<SessionWorkspaceEvents>();
  private readonly sessions = new Map<SessionId, AgentSession>();
  private activeId: SessionId | null = null;

  constructor(
    private readonly api: ApiClient,
    private readonly signaling: SignalingClient,
    private readonly agentToken: string,
  ) {
    // Every (re)connect: re-attach sessions this page does not show yet.
    signaling.connection.on('connected', () => void this.restore());
  }

  get active(): AgentSession | null {
    return this.activeId ? (this.sessions.get(this.activeId) ?? null) : null;
  }

  list(): AgentSession[] {
    return [...this.sessions.values()];
  }

  async startSession(): Promise<AgentSession> {
    const created = await this.api.createSession(this.agentToken);
    rememberInvitation(created);
    const session = this.add(created.session);
    this.activate(session.id);
    return session;
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

  private async restore(): Promise<void> {
    try {
      const { sessions } = await this.signaling.request('agent:sessions', {});
      for (const summary of [...sessions].sort((a, b) => a.createdAt - b.createdAt)) {
        if (summary.state !== 'ended') this.add(summary);
      }
      const remembered = activeTab.get();
      const first = this.sessions.keys().next();
      if (this.activeId !== null) return;
      if (remembered && this.sessions.has(remembered)) this.activate(remembered);
      else if (!first.done) this.activate(first.value);
    } catch (error) {
      console.warn('agent:sessions failed', error);
    }
  }

  private add(summary: SessionSummary): AgentSession {
    const existing = this.sessions.get(summary.id);
    if (existing) return existing;
    const session = new AgentSession(this.signaling, summary, invitationFor(summary));
    this.sessions.set(summary.id, session);
    this.events.emit('added', session);
    session.start();
    return session;
  }
}
