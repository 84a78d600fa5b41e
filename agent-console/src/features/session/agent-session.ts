import type { DisplaySurface, Participant, ParticipantId, ProducerInfo, SessionRole, SessionSummary } from '@rs/signaling';
import { AnnotationManager, ControlManager, MediaSession, ParticipantRoster, SenderStatsReporter, SessionChannel, TypedEmitter, VideoManager, VoiceManager, type ApiError } from '@rs/web-common';
import { AgentChat } from '../chat/agent-chat';
import { SessionControl } from '../control/session-control';
import type { StaffContext } from '../home/staff-context';
import { NotesManager } from '../notes/notes-manager';
import { AgentScreenManager } from '../screen-view/agent-screen-manager';
import { ScreenViewManager } from '../screen-view/screen-view-manager';
import { ViewRequestManager } from '../screen-view/view-request-manager';
import { rememberInvitation, type Invitation } from './invitations';

export type AgentSessionEvents = {
  /** The summary, the roles or the selected customer changed. */
  changed: [];
  ended: [];
  /** This console left the session (assistant or supervisor). */
  left: [];
  unavailable: [ApiError];
};

/** One session a staff member takes part in (primary, assistant or supervisor): its channel and every feature manager. */
export class AgentSession {
  readonly events = new TypedEmitter<AgentSessionEvents>();
  readonly channel: SessionChannel;
  readonly roster: ParticipantRoster;
  readonly control: SessionControl;
  readonly media: MediaSession;
  readonly chat: AgentChat;
  readonly notes: NotesManager;
  readonly viewRequest: ViewRequestManager;
  readonly screenView: ScreenViewManager;
  readonly agentScreen: AgentScreenManager;
  /** What my own screen's encoder sends, for the others' quality readout. */
  private readonly senderStats: SenderStatsReporter;
  readonly voice: VoiceManager;
  readonly video: VideoManager;
  readonly annotations: AnnotationManager;
  /** Remote control of a customer's desktop, or of mine by a customer (R3.1). */
  readonly remoteControl: ControlManager;
  /** Every producer of the session, as the server lists them. */
  readonly producers = new Map<string, ProducerInfo>();
  private hasEnded = false;

  constructor(
    readonly context: StaffContext,
    summary: SessionSummary,
    private currentInvitation: Invitation,
  ) {
    this.channel = new SessionChannel(context.signaling, summary.id);
    this.roster = new ParticipantRoster(this.channel);
    this.control = new SessionControl(this.channel, this.roster, summary);
    this.media = new MediaSession(this.channel);
    this.chat = new AgentChat(this.channel, this.roster);
    this.notes = new NotesManager(this.channel);
    this.viewRequest = new ViewRequestManager(this.channel);
    this.screenView = new ScreenViewManager(this.channel, this.media);
    this.agentScreen = new AgentScreenManager(this.channel, this.media);
    this.senderStats = new SenderStatsReporter(this.channel, this.media, () => {
      const { id, localTrack } = this.agentScreen;
      return id && localTrack ? [{ producerId: id, track: localTrack }] : [];
    });
    this.senderStats.start();
    this.voice = new VoiceManager(this.channel, this.media);
    this.video = new VideoManager(this.channel, this.media);
    this.annotations = new AnnotationManager(this.channel);
    this.remoteControl = new ControlManager(this.channel, () => this.roster.selfParticipantId);
    this.channel.events.on('snapshot', (snapshot) => {
      this.producers.clear();
      for (const info of snapshot.producers) this.producers.set(info.producerId, info);
    });
    this.channel.on('media:producer-added', ({ sessionId: _sessionId, ...info }) => this.producers.set(info.producerId, info));
    this.channel.on('media:producer-closed', ({ producerId }) => this.producers.delete(producerId));

    this.channel.events.on('snapshot', (snapshot) => {
      if (snapshot.session.state === 'ended') this.markEnded();
    });
    this.channel.events.on('ended', () => this.markEnded());
    this.channel.events.on('join-failed', (error) => {
      if (error.code === 'SESSION_ENDED') this.markEnded();
      else this.events.emit('unavailable', error);
    });
    this.control.events.on('changed', () => this.events.emit('changed'));
    this.roster.events.on('changed', () => this.events.emit('changed'));
  }

  /** The customer's join link and when an unused number expires. */
  get invitation(): Invitation {
    return this.currentInvitation;
  }

  /** A new number when the old one expired unused (the server says NUMBER_IN_USE once a customer joined). */
  async renewNumber(): Promise<void> {
    const renewed = await this.context.api.renewSessionNumber(this.context.token, this.id);
    rememberInvitation(renewed);
    this.currentInvitation = { joinUrl: renewed.joinUrl, numberExpiresAt: renewed.numberExpiresAt };
    this.control.applySummary(renewed.session);
  }

  get summary(): SessionSummary {
    return this.control.summary;
  }

  get id(): string {
    return this.summary.id;
  }

  get ended(): boolean {
    return this.hasEnded;
  }

  /** This console's role in the session ('agent' = in control). */
  get selfRole(): SessionRole | null {
    return this.roster.self?.role ?? null;
  }

  get isController(): boolean {
    return !this.hasEnded && this.control.isController;
  }

  /** The customer being helped (R1.2), chosen by the agent in control and kept by the server. */
  get selectedCustomer(): Participant | null {
    return this.control.selectedCustomer;
  }

  start(): void {
    this.channel.start();
  }

  /**
   * A view can be requested by the agent in control from the connected, selected
   * customer when nothing is shown and no request is in flight. A share lost to
   * a fault or waiting for the customer's click (reload) never blocks a new request.
   */
  get canRequestView(): boolean {
    if (!this.isController || !this.selectedCustomer?.connected || this.screenView.screen) return false;
    const asked = this.viewRequest.customerId;
    const inFlight = this.viewRequest.busy && !this.screenView.recovering;
    return !(inFlight && asked !== null && this.roster.get(asked)?.connected === true);
  }

  async requestView(surface?: DisplaySurface): Promise<void> {
    const customer = this.selectedCustomer;
    if (customer?.connected && this.isController) await this.viewRequest.ask(customer.id, surface);
  }

  selectCustomer(customerId: ParticipantId): Promise<void> {
    return this.control.selectCustomer(customerId);
  }

  /** Saves the last typed notes, then ends the session (R1.6, R1.7). */
  async end(): Promise<void> {
    await this.notes.flush();
    await this.channel.end();
  }

  async leave(): Promise<void> {
    await this.notes.flush();
    await this.channel.leave();
    this.events.emit('left');
  }

  close(): void {
    this.closeMedia();
    this.notes.close();
    this.channel.close();
    this.events.removeAllListeners();
  }

  private markEnded(): void {
    if (this.hasEnded) return;
    this.hasEnded = true;
    this.closeMedia();
    this.events.emit('ended');
  }

  private closeMedia(): void {
    this.screenView.close();
    this.senderStats.stop();
    this.agentScreen.close();
    this.voice.close();
    this.video.close();
    this.annotations.close();
    this.media.close();
  }
}
