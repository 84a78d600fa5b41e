import type { Participant, ParticipantId, SessionSummary } from '@rs/signaling';
import { MediaSession, ParticipantRoster, SessionChannel, TypedEmitter, type ApiError, type SignalingClient } from '@rs/web-common';
import { AgentChat } from '../chat/agent-chat';
import { ScreenViewManager } from '../screen-view/screen-view-manager';
import { ViewRequestManager } from '../screen-view/view-request-manager';
import type { Invitation } from './invitations';

export type AgentSessionEvents = {
  /** The session summary or the selected customer changed. */
  changed: [];
  ended: [];
  unavailable: [ApiError];
};

/** One session the agent runs: its channel and every feature manager of it. */
export class AgentSession {
  readonly events = new TypedEmitter<AgentSessionEvents>();
  readonly channel: SessionChannel;
  readonly roster: ParticipantRoster;
  readonly media: MediaSession;
  readonly chat: AgentChat;
  readonly viewRequest: ViewRequestManager;
  readonly screenView: ScreenViewManager;
  private selectedId: ParticipantId | null = null;
  private hasEnded = false;

  constructor(
    signaling: SignalingClient,
    private current: SessionSummary,
    readonly invitation: Invitation,
  ) {
    this.channel = new SessionChannel(signaling, current.id);
    this.roster = new ParticipantRoster(this.channel);
    this.media = new MediaSession(this.channel);
    this.chat = new AgentChat(this.channel, this.roster);
    this.viewRequest = new ViewRequestManager(this.channel);
    this.screenView = new ScreenViewManager(this.channel, this.media);

    this.channel.events.on('snapshot', (snapshot) => {
      this.current = snapshot.session;
      if (snapshot.session.state === 'ended') this.markEnded();
      this.events.emit('changed');
    });
    this.channel.events.on('ended', () => this.markEnded());
    this.channel.events.on('join-failed', (error) => {
      if (error.code === 'SESSION_ENDED') this.markEnded();
      else this.events.emit('unavailable', error);
    });
    this.roster.events.on('changed', () => this.keepSelectionValid());
  }

  get summary(): SessionSummary {
    return this.current;
  }

  get id(): string {
    return this.current.id;
  }

  get ended(): boolean {
    return this.hasEnded;
  }

  /** The customer being helped (R1.2: the agent selects which one). */
  get selectedCustomer(): Participant | null {
    return this.selectedId ? (this.roster.get(this.selectedId) ?? null) : null;
  }

  start(): void {
    this.channel.start();
  }

  /** Switching customer stops a share in progress from the previous one (R1.2). */
  select(customerId: ParticipantId): void {
    if (this.roster.get(customerId)?.role !== 'customer' || customerId === this.selectedId) return;
    this.selectedId = customerId;
    const screen = this.screenView.screen;
    if (screen && screen.participantId !== customerId) {
      this.screenView.stop().catch((error: unknown) => console.warn('share:stop failed', error));
    }
    this.events.emit('changed');
  }

  /**
   * A view can be requested from a connected customer when nothing is shown
   * and no request is in flight (a request to someone who has since gone does not block).
   */
  get canRequestView(): boolean {
    if (this.hasEnded || !this.selectedCustomer?.connected || this.screenView.screen) return false;
    const asked = this.viewRequest.customerId;
    return !(this.viewRequest.busy && asked !== null && this.roster.get(asked)?.connected === true);
  }

  async requestView(): Promise<void> {
    const customer = this.selectedCustomer;
    if (customer?.connected) await this.viewRequest.ask(customer.id);
  }

  async end(): Promise<void> {
    await this.channel.end();
  }

  close(): void {
    this.screenView.close();
    this.media.close();
    this.channel.close();
    this.events.removeAllListeners();
  }

  private markEnded(): void {
    if (this.hasEnded) return;
    this.hasEnded = true;
    this.screenView.close();
    this.media.close();
    this.events.emit('ended');
  }

  /** Keeps a present customer selected; picks the first connected one when needed. */
  private keepSelectionValid(): void {
    const customers = this.roster.customers();
    const selected = customers.find((customer) => customer.id === this.selectedId);
    if (selected?.connected) return this.events.emit('changed');
    const next = customers.find((customer) => customer.connected) ?? selected ?? customers[0] ?? null;
    this.selectedId = next?.id ?? null;
    this.events.emit('changed');
  }
}
